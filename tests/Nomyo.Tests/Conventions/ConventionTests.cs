using System.Reflection;
using Moq;
using Newtonsoft.Json;

namespace Nomyo.Tests;

/// <summary>Checks, by reflection, the shape rules every public member follows.</summary>
public class ConventionTests
{
    private static readonly Type[] PublicTypes = typeof(SecureChatCompletion).Assembly.GetExportedTypes();

    [Test]
    public void Every_public_async_method_ends_in_async_and_takes_a_cancellation_token_last()
    {
        var offenders = PublicTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType) && !m.IsSpecialName)
            .Where(m => !m.Name.EndsWith("Async", StringComparison.Ordinal)
                || m.GetParameters().LastOrDefault()?.ParameterType != typeof(CancellationToken))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToArray();

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Every_wire_model_property_has_a_json_name()
    {
        Type[] models = [typeof(ChatCompletion), typeof(ChatChoice), typeof(ChatResponseMessage), typeof(ChatToolCall), typeof(ChatFunctionCall), typeof(ChatUsage), typeof(ChatCompletionMetadata)];
        var offenders = models
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.GetCustomAttribute<JsonPropertyAttribute>() is null && p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetCustomAttribute<JsonExtensionDataAttribute>() is null)
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToArray();

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Every_exception_derives_from_nomyo_exception()
    {
        var exceptions = PublicTypes.Where(t => typeof(Exception).IsAssignableFrom(t)).ToArray();

        Assert.That(exceptions, Has.Length.EqualTo(13));
        Assert.That(exceptions.Where(t => !typeof(NomyoException).IsAssignableFrom(t)), Is.Empty);
    }

    [Test]
    public async Task Clients_are_mockable()
    {
        foreach (var type in new[] { typeof(SecureChatCompletion), typeof(SecureCompletionClient) })
        {
            Assert.That(type.IsSealed, Is.False);
            Assert.That(type.GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)!.IsFamily, Is.True);
        }

        var mock = new Mock<SecureChatCompletion>();
        mock.Setup(c => c.CreateAsync("m", It.IsAny<IEnumerable<ChatMessage>>(), null, default))
            .ReturnsAsync(ChatCompletion.FromJson(Newtonsoft.Json.Linq.JObject.Parse("""{"id": "mocked"}""")));
        Assert.That((await mock.Object.CreateAsync("m", Harness.Hello())).Id, Is.EqualTo("mocked"));
    }
}
