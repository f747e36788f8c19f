using System.Text;

namespace Lucairn.Tests.Verification.Strict;

/// <summary><see cref="KnownKeys.TryGet"/>: every table name is found (up to the longest), others are not.</summary>
public class KnownKeysTests
{
    [TestCase("signable_protocol_version_emitted")]
    [TestCase("claim_id")]
    [TestCase("audit")]
    [TestCase("merkle_tree_size")]
    [TestCase("temporal_order_status")]
    public void Table_names_are_found_as_the_same_string(string key)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(key);
        bool found = KnownKeys.TryGet(utf8, out string name, out bool variant);
        KnownKeys.TryGet(utf8, out string again, out _);
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.True);
            Assert.That(name, Is.EqualTo(key));
            Assert.That(variant, Is.EqualTo(CaseVariantKeys.IsVariant(key)));
            Assert.That(again, Is.SameAs(name), "the table hands out one shared string per name");
        });
    }

    [TestCase("not_a_known_key")]
    [TestCase("BYOK_EXEMPT")]
    [TestCase("signable_protocol_version_emitte_")]
    [TestCase("signable_protocol_version_emitted_")]
    [TestCase("")]
    public void Other_keys_are_not_found(string key)
    {
        bool found = KnownKeys.TryGet(Encoding.UTF8.GetBytes(key), out string name, out bool variant);
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.False);
            Assert.That(name, Is.Empty);
            Assert.That(variant, Is.False);
        });
    }
}
