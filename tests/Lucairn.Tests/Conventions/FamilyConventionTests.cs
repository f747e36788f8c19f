using Lucairn;
using TestSupport;

namespace Lucairn.Tests.Conventions;

/// <summary>The rules the three vendor packages share (issue 13), checked over Lucairn's public surface.</summary>
public class FamilyConventionTests
{
    private static readonly System.Reflection.Assembly Package = typeof(LucairnClient).Assembly;

    private static readonly IReadOnlyCollection<Type> OutputModels = FamilyConventions.OutputModels(Package, typeof(LucairnClient));

    [Test]
    public void options_type_is_LucairnClientOptions_with_a_Uri_BaseUrl() =>
        Assert.That(FamilyConventions.OptionsViolations(Package, "Lucairn"), Is.Empty);

    [Test]
    public void every_client_has_the_three_family_constructors() =>
        Assert.That(
            FamilyConventions.ConstructorViolations(typeof(LucairnClient), typeof(LucairnClientOptions))
#pragma warning disable CS0618 // the legacy client keeps the same constructor line
                .Concat(FamilyConventions.ConstructorViolations(typeof(TheVeil.TheVeilClient), typeof(LucairnClientOptions))),
#pragma warning restore CS0618
            Is.Empty);

    [Test]
    public void exceptions_follow_the_family_contract() =>
        Assert.That(FamilyConventions.ExceptionViolations(Package, "Lucairn"), Is.Empty);

    [Test]
    public void public_types_live_in_the_family_namespaces() =>
        Assert.That(FamilyConventions.NamespaceViolations(Package, "Lucairn", "TheVeil"), Is.Empty);

    [Test]
    public void output_models_are_immutable() =>
        Assert.That(FamilyConventions.MutableOutputViolations(OutputModels), Is.Empty);

    [Test]
    public void the_model_factory_builds_every_output_model() =>
        Assert.That(FamilyConventions.ModelFactoryViolations(typeof(LucairnModelFactory), OutputModels), Is.Empty);

    [Test]
    public void the_model_factory_builds_the_certificate_fetch_result()
    {
        VeilCertificate certificate = VeilCertificate.Parse(Verification.CertificateFixtures.Anchored);
        CertificateFetchResult ready = LucairnModelFactory.CertificateFetchResult(certificate);
        CertificateFetchResult pending = LucairnModelFactory.CertificateFetchResult(retryAfter: TimeSpan.FromSeconds(4));
        Assert.Multiple(() =>
        {
            Assert.That(ready.IsReady, Is.True);
            Assert.That(ready.Certificate, Is.SameAs(certificate));
            Assert.That(pending.IsReady, Is.False);
            Assert.That(pending.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(4)));
            Assert.That(FamilyConventions.MutableOutputViolations([typeof(CertificateFetchResult)]), Is.Empty);
        });
    }
}
