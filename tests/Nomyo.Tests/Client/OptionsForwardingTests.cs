using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Nomyo.Tests;

public class OptionsForwardingTests
{
    [Test]
    public async Task Every_option_is_forwarded_in_order_and_overrides_stay_out_of_the_payload()
    {
        var emulator = Harness.InProcessEmulator(apiKey: "per-call-key");
        using var client = Harness.Client(emulator);
        var options = new ChatCompletionOptions
        {
            Temperature = 0.7,
            MaxTokens = 100,
            TopP = 0.9,
            Stop = ["END", "STOP"],
            PresencePenalty = -0.5,
            FrequencyPenalty = 1.5,
            N = 2,
            BestOf = 3,
            Seed = 42,
            LogitBias = new Dictionary<string, int> { ["50256"] = -100 },
            User = "user-1",
            Stream = false,
            SecurityTier = SecurityTier.High,
            ApiKey = "per-call-key",
        };
        options.AdditionalProperties["metadata"] = new JObject { ["trace"] = "abc" };
        options.AdditionalProperties["explicit_null"] = null;

        ChatCompletion answer = await client.CreateAsync("m", Harness.Hello("one two three"), options);

        var request = emulator.Requests.Single();
        Assert.That(request.Payload.Properties().Select(p => p.Name), Is.EqualTo(new[]
        {
            "model", "messages", "temperature", "max_tokens", "top_p", "stop", "presence_penalty", "frequency_penalty",
            "n", "best_of", "seed", "logit_bias", "user", "stream", "metadata", "explicit_null",
        }));
        Assert.That(System.Text.Encoding.ASCII.GetString(request.PayloadBytes), Does.EndWith(
            "\"temperature\": 0.7, \"max_tokens\": 100, \"top_p\": 0.9, \"stop\": [\"END\", \"STOP\"], \"presence_penalty\": -0.5, \"frequency_penalty\": 1.5, \"n\": 2, \"best_of\": 3, \"seed\": 42, \"logit_bias\": {\"50256\": -100}, \"user\": \"user-1\", \"stream\": false, \"metadata\": {\"trace\": \"abc\"}, \"explicit_null\": null}"));
        Assert.That(request.Authorization, Is.EqualTo("Bearer per-call-key"));
        Assert.That(request.SecurityTier, Is.EqualTo("high"));
        Assert.That(answer.Choices, Has.Count.EqualTo(2));
        Assert.That(answer.Metadata.SecurityTier, Is.EqualTo("high"));
    }

    [Test]
    public async Task Max_tokens_truncation_reports_length()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);

        var answer = await client.CreateAsync("m", Harness.Hello("a b c d e"), new ChatCompletionOptions { MaxTokens = 2 });

        Assert.That(answer.Choices[0].Message.Content, Is.EqualTo("a b"));
        Assert.That(answer.Choices[0].FinishReason, Is.EqualTo("length"));
    }

    [Test]
    public async Task Tools_and_tool_choice_are_forwarded_untouched_and_tool_calls_come_back_typed()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);
        var tools = JArray.Parse("""
            [{"type": "function", "function": {"name": "get_weather", "description": "Weather for a city",
              "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}, "strict": true}}]
            """);
        var toolChoice = JObject.Parse("""{"type": "function", "function": {"name": "get_weather"}}""");

        var answer = await client.CreateAsync("m", Harness.Hello("Paris"), new ChatCompletionOptions { Tools = tools, ToolChoice = toolChoice });

        var payload = emulator.Requests.Single().Payload;
        Assert.That(JToken.DeepEquals(payload["tools"], tools), Is.True);
        Assert.That(JToken.DeepEquals(payload["tool_choice"], toolChoice), Is.True);
        var call = answer.Choices[0].Message.ToolCalls.Single();
        Assert.That(call.Type, Is.EqualTo("function"));
        Assert.That(call.Function.Name, Is.EqualTo("get_weather"));
        Assert.That(JObject.Parse(call.Function.Arguments!)["text"]!.ToString(), Is.EqualTo("Paris"));
        Assert.That(answer.Choices[0].FinishReason, Is.EqualTo("tool_calls"));
        Assert.That(answer.Choices[0].Message.Content, Is.Null);
    }

    [Test]
    public async Task Tool_history_messages_are_forwarded_verbatim()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);
        var toolCalls = JArray.Parse("""[{"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{\"x\": 1}"}}]""");
        var user = ChatMessage.User("hi");
        user.AdditionalProperties["custom"] = new JArray(1, 2);

        await client.CreateAsync("m", [user, new ChatMessage("assistant", null) { ToolCalls = toolCalls }, ChatMessage.Tool("call_1", "42")]);

        string sent = System.Text.Encoding.ASCII.GetString(emulator.Requests.Single().PayloadBytes);
        Assert.That(sent, Is.EqualTo(
            "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\", \"custom\": [1, 2]}, {\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \"call_1\", \"type\": \"function\", \"function\": {\"name\": \"f\", \"arguments\": \"{\\\"x\\\": 1}\"}}]}, {\"role\": \"tool\", \"content\": \"42\", \"tool_call_id\": \"call_1\"}]}"));
    }

    [Test]
    public async Task Content_parts_are_forwarded_verbatim_and_text_parts_are_echoed()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);
        var parts = JArray.Parse("""[{"type": "text", "text": "look "}, {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}, {"type": "text", "text": "here"}]""");

        var answer = await client.CreateAsync("m", [ChatMessage.FromContentParts("user", parts)]);

        Assert.That(JToken.DeepEquals(emulator.Requests.Single().Payload["messages"]![0]!["content"], parts), Is.True);
        Assert.That(answer.Choices[0].Message.Content, Is.EqualTo("look here"));
    }

    [TestCase("""{"type": "json_object"}""")]
    [TestCase("""{"type": "json_schema", "json_schema": {"name": "echo", "schema": {"type": "object", "properties": {"echo": {"type": "string"}}}, "strict": true}}""")]
    public async Task Json_response_formats_are_forwarded_untouched(string format)
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);
        var responseFormat = JObject.Parse(format);

        var answer = await client.CreateAsync("m", Harness.Hello("structured"), new ChatCompletionOptions { ResponseFormat = responseFormat });

        Assert.That(JToken.DeepEquals(emulator.Requests.Single().Payload["response_format"], responseFormat), Is.True);
        Assert.That(JObject.Parse(answer.Choices[0].Message.Content!)["echo"]!.ToString(), Is.EqualTo("structured"));
    }

    [Test]
    public async Task Stream_true_is_refused_locally()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);

        var ex = await Assert.ThrowsAsync<NomyoValidationException>(() => client.CreateAsync("m", Harness.Hello(), new ChatCompletionOptions { Stream = true }));
        Assert.That(ex!.Message, Does.Contain("streaming is not supported"));
        Assert.That(ex.ParamName, Is.EqualTo("options.Stream"));

        var extra = new ChatCompletionOptions();
        extra.AdditionalProperties["stream"] = true;
        await Assert.ThrowsAsync<NomyoValidationException>(() => client.CreateAsync("m", Harness.Hello(), extra));
        Assert.That(emulator.CompletionRequestCount, Is.Zero);
    }

    [TestCase("api_key")]
    [TestCase("base_url")]
    [TestCase("security_tier")]
    [TestCase("model")]
    [TestCase("messages")]
    public async Task Reserved_additional_properties_are_refused(string name)
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);
        var options = new ChatCompletionOptions();
        options.AdditionalProperties[name] = "x";

        await Assert.ThrowsAsync<NomyoValidationException>(() => client.CreateAsync("m", Harness.Hello(), options));
        Assert.That(emulator.CompletionRequestCount, Is.Zero);
    }

    [Test]
    public async Task Additional_property_repeating_a_typed_option_is_refused()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);
        var options = new ChatCompletionOptions { Temperature = 1 };
        options.AdditionalProperties["temperature"] = 2;

        var ex = await Assert.ThrowsAsync<NomyoValidationException>(() => client.CreateAsync("m", Harness.Hello(), options));
        Assert.That(ex!.Message, Does.Contain("temperature"));
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public async Task Nan_and_infinity_are_refused(double value)
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);

        var ex = await Assert.ThrowsAsync<NomyoValidationException>(() => client.CreateAsync("m", Harness.Hello(), new ChatCompletionOptions { Temperature = value }));
        Assert.That(ex!.Message, Does.Contain("temperature"));
    }

    [Test]
    public async Task Bad_arguments_get_clear_errors()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);

        await Assert.ThrowsAsync<NomyoValidationException>(() => client.CreateAsync(null!, Harness.Hello()));
        await Assert.ThrowsAsync<NomyoValidationException>(() => client.CreateAsync("m", null!));
        await Assert.ThrowsAsync<NomyoValidationException>(() => client.CreateAsync(" ", Harness.Hello()));
        await Assert.ThrowsAsync<NomyoValidationException>(() => client.CreateAsync("m", []));
        await Assert.ThrowsAsync<NomyoValidationException>(() => client.CreateAsync("m", [null!]));
        await Assert.ThrowsAsync<NomyoValidationException>(() => client.CreateAsync("m", Harness.Hello(), new ChatCompletionOptions { SecurityTier = (SecurityTier)7 }));
        Assert.That(emulator.CompletionRequestCount, Is.Zero);
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("key\r\nX-Injected: 1")]
    public async Task Empty_or_malformed_per_call_api_key_is_refused_instead_of_dropping_auth(string key)
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);

        await Assert.ThrowsAsync<NomyoValidationException>(() => client.CreateAsync("m", Harness.Hello(), new ChatCompletionOptions { ApiKey = key }));
        Assert.That(emulator.CompletionRequestCount, Is.Zero);
    }

    [Test]
    public void Result_keeps_unknown_server_fields_in_raw()
    {
        var raw = JObject.Parse("""{"id": "x", "object": "chat.completion", "created": 1, "model": "m", "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi", "reasoning_content": "thinking"}, "finish_reason": "stop"}], "system_fingerprint": "fp", "_metadata": {"payload_id": "p"}}""");

        var completion = ChatCompletion.FromJson(raw);

        Assert.That(completion.Choices[0].Message.ReasoningContent, Is.EqualTo("thinking"));
        Assert.That(completion.GetRawJson()["system_fingerprint"]!.ToString(), Is.EqualTo("fp"));
        Assert.That(completion.Usage, Is.Null);
    }

    [Test]
    public void Result_with_wrong_field_types_is_a_typed_error()
    {
        var raw = JObject.Parse("""{"choices": "not a list"}""");

        var ex = Assert.Throws<NomyoApiException>(() => ChatCompletion.FromJson(raw));
        Assert.That(ex!.InnerException, Is.InstanceOf<JsonException>());
    }
}
