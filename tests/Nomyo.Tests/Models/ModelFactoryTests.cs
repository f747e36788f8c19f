using Moq;
using Newtonsoft.Json.Linq;

namespace Nomyo.Tests;

/// <summary>Building outputs without JSON, and mocking the clients with them.</summary>
public class ModelFactoryTests
{
    [Test]
    public void A_factory_completion_has_matching_raw_json()
    {
        var completion = NomyoModelFactory.ChatCompletion(
            id: "chatcmpl-1",
            model: "m",
            choices: [NomyoModelFactory.ChatChoice(message: NomyoModelFactory.ChatResponseMessage(content: "Hi", toolCalls: [NomyoModelFactory.ChatToolCall("call_1", function: NomyoModelFactory.ChatFunctionCall("f", "{}"))]))],
            usage: NomyoModelFactory.ChatUsage(3, 4),
            metadata: NomyoModelFactory.ChatCompletionMetadata(payloadId: "p", additionalData: new Dictionary<string, JToken> { ["mock"] = true }));

        JObject raw = completion.GetRawJson();

        Assert.Multiple(() =>
        {
            Assert.That(completion.Usage!.TotalTokens, Is.EqualTo(7));
            Assert.That((string?)raw["choices"]![0]!["message"]!["tool_calls"]![0]!["function"]!["name"], Is.EqualTo("f"));
            Assert.That((bool)raw["_metadata"]!["mock"]!, Is.True);
            Assert.That((string?)raw["_metadata"]!["encryption_algorithm"], Is.EqualTo(NomyoProtocol.Algorithm));
            Assert.That(ChatCompletion.FromJson(raw).Choices[0].Message.Content, Is.EqualTo("Hi"));
        });
    }

    [Test]
    public void Raw_json_and_metadata_cannot_be_changed_through_the_model()
    {
        var completion = ChatCompletion.FromJson(JObject.Parse("""{"id": "a", "_metadata": {"cuda_device": {"available": false}}}"""));

        completion.GetRawJson()["id"] = "changed";

        Assert.That((string?)completion.GetRawJson()["id"], Is.EqualTo("a"));
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, JToken>)completion.Metadata.AdditionalData).Add("x", 1));
        Assert.That(completion.Metadata.AdditionalData.ContainsKey("cuda_device"), Is.True);
    }

    [Test]
    public async Task Create_async_runs_over_a_mocked_low_level_client()
    {
        var low = new Mock<SecureCompletionClient>();
        low.Setup(c => c.SendSecureRequestAsync(It.IsAny<JObject>(), It.IsAny<string>(), "per-call", SecurityTier.High, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync((JObject payload, string id, string? _, SecurityTier? _, Uri? _, CancellationToken _) =>
                NomyoModelFactory.ChatCompletion(model: (string?)payload["model"], metadata: NomyoModelFactory.ChatCompletionMetadata(payloadId: id)).GetRawJson());
        var chat = new Mock<SecureChatCompletion>(low.Object) { CallBase = true };

        ChatCompletion answer = await chat.Object.CreateAsync("m", Harness.Hello(), new ChatCompletionOptions { ApiKey = "per-call", SecurityTier = SecurityTier.High });

        Assert.That(answer.Model, Is.EqualTo("m"));
        Assert.That(Guid.TryParse(answer.Metadata.PayloadId, out _), Is.True);
        Assert.That(chat.Object.Client, Is.SameAs(low.Object));
        low.VerifyAll();
    }

    [Test]
    public async Task Create_async_validates_before_calling_the_low_level_client()
    {
        var low = new Mock<SecureCompletionClient>(MockBehavior.Strict);
        var chat = new Mock<SecureChatCompletion>(low.Object) { CallBase = true };

        var ex = await Assert.ThrowsAsync<NomyoValidationException>(() => chat.Object.CreateAsync("m", Harness.Hello(), new ChatCompletionOptions { ApiKey = " " }));

        Assert.That(ex!.ParamName, Is.EqualTo("options.ApiKey"));
        Assert.That(ex.Message, Does.StartWith("options.ApiKey "));
    }
}
