using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>Builds the request payload <c>{"model", "messages", …options}</c> of spec §1.1 and refuses what must not be sent.</summary>
internal static class ChatPayloadBuilder
{
    private static readonly HashSet<string> NeverInPayload = new(StringComparer.Ordinal) { "api_key", "base_url", "security_tier" };

    internal static JObject Build(string model, IEnumerable<ChatMessage> messages, ChatCompletionOptions options)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            throw NomyoValidationException.For("model", "is empty; pass a model identifier such as \"Qwen/Qwen3-0.6B\".");
        }

        var payload = new JObject { ["model"] = model, ["messages"] = BuildMessages(messages) };
        Add(payload, "temperature", options.Temperature);
        Add(payload, "max_tokens", options.MaxTokens);
        Add(payload, "top_p", options.TopP);
        Add(payload, "stop", options.Stop is null ? null : new JArray(options.Stop.Select(s => (JToken)s)));
        Add(payload, "presence_penalty", options.PresencePenalty);
        Add(payload, "frequency_penalty", options.FrequencyPenalty);
        Add(payload, "n", options.N);
        Add(payload, "best_of", options.BestOf);
        Add(payload, "seed", options.Seed);
        Add(payload, "logit_bias", options.LogitBias is null ? null : new JObject(options.LogitBias.Select(p => new JProperty(p.Key, p.Value))));
        AddString(payload, "user", options.User);
        Add(payload, "tools", options.Tools?.DeepClone());
        Add(payload, "tool_choice", options.ToolChoice?.DeepClone());
        Add(payload, "response_format", options.ResponseFormat?.DeepClone());
        if (options.Stream == true)
        {
            throw StreamRefused("options.Stream");
        }

        Add(payload, "stream", options.Stream);
        foreach (var (name, value) in options.AdditionalProperties)
        {
            CheckExtraKey(payload, name, "options.AdditionalProperties");
            if (NeverInPayload.Contains(name))
            {
                throw NomyoValidationException.For(
                    $"options.AdditionalProperties[\"{name}\"]", "is not allowed: use the ApiKey, BaseUrl or SecurityTier property, which is never sent inside the payload.");
            }

            if (name == "stream" && !(value is { Type: JTokenType.Boolean } flag && !(bool)flag))
            {
                throw StreamRefused("options.AdditionalProperties[\"stream\"]");
            }

            payload[name] = value?.DeepClone() ?? JValue.CreateNull();
        }

        return payload;
    }

    private static JArray BuildMessages(IEnumerable<ChatMessage> messages)
    {
        var array = new JArray();
        int index = 0;
        foreach (ChatMessage? message in messages)
        {
            if (message is null)
            {
                throw NomyoValidationException.For($"messages[{index}]", "is null.");
            }

            var item = new JObject { ["role"] = message.Role, ["content"] = message.ContentParts?.DeepClone() ?? message.Content };
            AddString(item, "name", message.Name);
            Add(item, "tool_calls", message.ToolCalls?.DeepClone());
            AddString(item, "tool_call_id", message.ToolCallId);
            foreach (var (name, value) in message.AdditionalProperties)
            {
                CheckExtraKey(item, name, $"messages[{index}].AdditionalProperties");
                item[name] = value?.DeepClone() ?? JValue.CreateNull();
            }

            array.Add(item);
            index++;
        }

        if (array.Count == 0)
        {
            throw NomyoValidationException.For("messages", "is empty; pass at least one message.");
        }

        return array;
    }

    private static void CheckExtraKey(JObject target, string name, string where)
    {
        if (string.IsNullOrEmpty(name) || target.ContainsKey(name))
        {
            throw NomyoValidationException.For(
                $"{where}[\"{name}\"]", "repeats a field that is already set (or is empty); set it in one place only.");
        }
    }

    private static void Add(JObject target, string name, JToken? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    private static void AddString(JObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    private static void Add<T>(JObject target, string name, T? value)
        where T : struct
    {
        if (value is T set)
        {
            target[name] = JToken.FromObject(set);
        }
    }

    private static NomyoValidationException StreamRefused(string where) =>
        NomyoValidationException.For(where, "must not be true: streaming is not supported by the secure completion endpoint (the server rejects it with 400); leave it unset or false.");
}
