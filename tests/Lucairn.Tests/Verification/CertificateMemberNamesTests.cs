using System.Text;
using System.Text.Json;

namespace Lucairn.Tests.Verification;

/// <summary>
/// <see cref="CertificateMemberNames"/>: table names resolve to the shared table string and slot
/// whether written plainly or escaped; the empty name and unknown names are outside the table.
/// </summary>
public class CertificateMemberNamesTests
{
    private static CertificateMember Get(string json, out string name, out int slot)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Assert.That(reader.Read() && reader.Read() && reader.TokenType == JsonTokenType.PropertyName, Is.True);
        return CertificateMemberNames.Get(ref reader, out name, out slot);
    }

    [Test]
    public void Plain_modelled_name_resolves_to_the_shared_table_string()
    {
        CertificateMember first = Get("""{"certificate_id":1}""", out string firstName, out int firstSlot);
        CertificateMember second = Get("""{"certificate_id":2}""", out string secondName, out int secondSlot);

        Assert.That(first, Is.EqualTo(CertificateMember.CertificateId));
        Assert.That(second, Is.EqualTo(CertificateMember.CertificateId));
        Assert.That(firstName, Is.EqualTo("certificate_id"));
        Assert.That(firstSlot, Is.InRange(0, CertificateMemberNames.SlotCount - 1));
        Assert.That(secondSlot, Is.EqualTo(firstSlot));
        Assert.That(secondName, Is.SameAs(firstName), "a table name is not decoded again");
    }

    [Test]
    public void Plain_opaque_name_resolves_to_the_interned_table_string()
    {
        CertificateMember member = Get("""{"token_hash":"x"}""", out string name, out int slot);

        Assert.That(member, Is.EqualTo(CertificateMember.Other));
        Assert.That(slot, Is.InRange(0, CertificateMemberNames.SlotCount - 1));
        Assert.That(name, Is.SameAs("token_hash"));
    }

    [Test]
    public void Escaped_modelled_name_resolves_to_its_member_and_slot()
    {
        _ = Get("""{"certificate_id":1}""", out _, out int plainSlot);

        CertificateMember member = Get("""{"certificate\u005fid":1}""", out string name, out int slot);

        Assert.That(member, Is.EqualTo(CertificateMember.CertificateId));
        Assert.That(name, Is.EqualTo("certificate_id"));
        Assert.That(slot, Is.EqualTo(plainSlot));
    }

    [Test]
    public void Escaped_opaque_name_keeps_its_slot()
    {
        _ = Get("""{"token_hash":1}""", out _, out int plainSlot);

        CertificateMember member = Get("""{"token\u005fhash":1}""", out string name, out int slot);

        Assert.That(member, Is.EqualTo(CertificateMember.Other));
        Assert.That(name, Is.EqualTo("token_hash"));
        Assert.That(slot, Is.EqualTo(plainSlot));
    }

    [TestCase("""{"":1}""", "")]
    [TestCase("""{"\u0000":1}""", "\0")]
    [TestCase("""{"unknown_member":1}""", "unknown_member")]
    [TestCase("""{"Certificate_id":1}""", "Certificate_id")]
    public void Names_outside_the_table_have_no_slot(string json, string expected)
    {
        CertificateMember member = Get(json, out string name, out int slot);

        Assert.That(member, Is.EqualTo(CertificateMember.Other));
        Assert.That(name, Is.EqualTo(expected));
        Assert.That(slot, Is.EqualTo(-1));
    }
}
