using System.Reflection;
using TestSupport;

namespace Nomyo.Tests;

/// <summary>The rules the three vendor packages share (issue 13), checked over Nomyo's public surface.</summary>
public class FamilyConventionTests
{
    private const string Vendor = "Nomyo";
    private static readonly Assembly Package = typeof(SecureChatCompletion).Assembly;
    private static readonly Type[] Clients = [typeof(SecureChatCompletion), typeof(SecureCompletionClient)];

    [Test]
    public void Options_type_is_nomyo_client_options_with_a_uri_base_url()
    {
        Assert.That(FamilyConventions.OptionsViolations(Package, Vendor), Is.Empty);
        Assert.That(new NomyoClientOptions().BaseUrl, Is.EqualTo(NomyoClientOptions.DefaultBaseUrl));
    }

    [Test]
    public void Every_client_has_the_three_family_constructors()
    {
        var violations = Clients.SelectMany(c => FamilyConventions.ConstructorViolations(c, typeof(NomyoClientOptions))).ToList();

        Assert.That(violations, Is.Empty);
    }

    [Test]
    public void Exceptions_follow_the_family_error_contract()
    {
        Assert.That(FamilyConventions.ExceptionViolations(Package, Vendor), Is.Empty);
        Assert.That(typeof(NomyoServiceUnavailableException).BaseType, Is.EqualTo(typeof(NomyoServerException)));
    }

    [Test]
    public void Public_types_live_in_the_family_namespaces()
    {
        Assert.That(FamilyConventions.NamespaceViolations(Package, Vendor), Is.Empty);
    }

    [Test]
    public void Output_models_have_no_public_setter_or_mutable_collection()
    {
        var models = FamilyConventions.OutputModels(Package, Clients);

        Assert.That(models, Is.SupersetOf(new[] { typeof(ChatCompletion), typeof(ChatChoice), typeof(ChatResponseMessage), typeof(ChatToolCall), typeof(ChatFunctionCall), typeof(ChatUsage), typeof(ChatCompletionMetadata) }));
        Assert.That(FamilyConventions.MutableOutputViolations(models), Is.Empty);
    }

    [Test]
    public void Model_factory_builds_every_output_model()
    {
        var models = FamilyConventions.OutputModels(Package, Clients).Append(typeof(Shared.Crypto.MemoryProtectionInfo));

        Assert.That(FamilyConventions.ModelFactoryViolations(typeof(NomyoModelFactory), models), Is.Empty);
    }

    [Test]
    public void Every_security_reason_has_a_distinct_snake_case_code()
    {
        var codes = Enum.GetValues<NomyoSecurityReason>().Select(r => new NomyoSecurityException(r, "x").ReasonCode).ToList();

        Assert.That(codes, Is.Unique);
        Assert.That(codes, Has.All.Matches("^[a-z]+(_[a-z]+)*$"));
    }
}
