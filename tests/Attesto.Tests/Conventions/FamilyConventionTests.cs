using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using TestSupport;

namespace Attesto.Tests.Conventions;

/// <summary>The rules Attesto shares with Lucairn and NOMYO (issue 13), checked on Attesto's public surface.</summary>
public class FamilyConventionTests
{
    private static readonly Assembly Package = typeof(AttestoClient).Assembly;

    [Test]
    public void Options_type_is_AttestoClientOptions_with_a_Uri_BaseUrl()
    {
        Assert.That(FamilyConventions.OptionsViolations(Package, "Attesto"), Is.Empty);
        Assert.That(AttestoClientOptions.DefaultBaseUrl, Is.EqualTo(new Uri("https://verify.attesto.eu")));
        Assert.That(new AttestoClientOptions().BaseUrl, Is.SameAs(AttestoClientOptions.DefaultBaseUrl));
        Assert.That(new AttestoClientOptions().Proofstream, Is.Not.Null);
    }

    [TestCase(typeof(AttestoClient))]
    [TestCase(typeof(AttestoV2Client))]
    public void Every_client_has_the_three_family_constructors(Type client)
    {
        Assert.That(FamilyConventions.ConstructorViolations(client, typeof(AttestoClientOptions)), Is.Empty);
    }

    [TestCase(typeof(AttestoClient))]
    [TestCase(typeof(AttestoV2Client))]
    public void Every_client_documents_that_it_is_thread_safe(Type client)
    {
        // The XML documentation the package ships next to the assembly.
        var docs = System.Xml.Linq.XDocument.Load(Path.ChangeExtension(Package.Location, ".xml"));
        string? remarks = docs.Descendants("member")
            .SingleOrDefault(m => (string?)m.Attribute("name") == "T:" + client.FullName)?
            .Element("remarks")?.Value;
        remarks = remarks is null ? null : string.Join(' ', remarks.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.That(remarks, Does.Contain("Thread-safe: one instance can be shared and used concurrently; create one per configuration and reuse it"));
    }

    [Test]
    public void Exceptions_follow_the_family_contract()
    {
        Assert.That(FamilyConventions.ExceptionViolations(Package, "Attesto"), Is.Empty);
        Assert.That(typeof(AttestoBadRequestException).IsAssignableFrom(typeof(AttestoProtocolMismatchException)), Is.True);
        Assert.That(typeof(AttestoValidationException).IsAssignableFrom(typeof(AttestoUnsafeNumberException)), Is.True);
        Assert.That(typeof(AttestoException).GetProperty("Status"), Is.Null, "only API exceptions carry a status");
    }

    [Test]
    public void Types_live_in_Attesto_Attesto_Http_Attesto_Testing_or_the_DI_namespace()
    {
        Assert.That(FamilyConventions.NamespaceViolations(Package, "Attesto"), Is.Empty);
        Assert.That(typeof(AttestoServiceCollectionExtensions).Namespace, Is.EqualTo("Microsoft.Extensions.DependencyInjection"));
    }

    [Test]
    public void The_convention_checks_can_fail()
    {
        // The helper is only worth its empty lists if it reports a broken package.
        Assert.That(FamilyConventions.OptionsViolations(Package, "Lucairn"), Is.Not.Empty);
        Assert.That(FamilyConventions.ConstructorViolations(typeof(AttestoClient), typeof(ProofstreamOptions)), Is.Not.Empty);
        Assert.That(FamilyConventions.ExceptionViolations(Package, "Nomyo"), Is.Not.Empty);
    }
}
