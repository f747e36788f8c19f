using System.Security.Cryptography;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Nomyo.Testing;

/// <summary>
/// Builds the OpenAI <c>chat.completion</c> the emulator answers with: the last user message
/// echoed (as <c>{"echo": …}</c> under a JSON <c>response_format</c>), a tool call when
/// <c>tool_choice</c> asks for one, <c>n</c> choices, <c>max_tokens</c> word truncation,
/// word-count <c>usage</c>, and a server <c>_metadata</c> marked <c>mock</c>.
/// </summary>
internal static class EmulatorCompletionFactory
{
    internal static JObject Create(JObject payload, string payloadId, string? tier, long now)
    {
        string text = LastUserText((JArray)payload["messages"]!);
        string? toolName = ChosenTool(payload);
        int n = payload["n"] is { Type: JTokenType.Integer } count ? Math.Clamp((int)count, 1, 8) : 1;
        int? maxTokens = payload["max_tokens"] is { Type: JTokenType.Integer } max ? (int)max : null;

        string[] words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        string finish = "stop";
        if (maxTokens is int limit && words.Length > limit)
        {
            text = string.Join(' ', words.Take(limit));
            words = words.Take(limit).ToArray();
            finish = "length";
        }

        string? formatType = (string?)(payload["response_format"] as JObject)?["type"];
        string content = formatType is "json_object" or "json_schema"
            ? new JObject { ["echo"] = text }.ToString(Formatting.None)
            : text;

        var choices = new JArray();
        for (int i = 0; i < n; i++)
        {
            choices.Add(toolName is null
                ? Choice(i, new JObject { ["role"] = "assistant", ["content"] = content }, finish)
                : Choice(i, ToolCallMessage(toolName, text), "tool_calls"));
        }

        int prompt = ((JArray)payload["messages"]!).Sum(m => WordCount((m as JObject)?["content"]));
        int completion = (toolName is null ? Math.Max(words.Length, 1) : 1) * n;
        return new JObject
        {
            ["id"] = "chatcmpl-" + Hex.Encode(RandomNumberGenerator.GetBytes(12)),
            ["object"] = "chat.completion",
            ["created"] = now,
            ["model"] = payload["model"]!.DeepClone(),
            ["choices"] = choices,
            ["usage"] = new JObject
            {
                ["prompt_tokens"] = prompt,
                ["completion_tokens"] = completion,
                ["total_tokens"] = prompt + completion,
            },
            ["_metadata"] = new JObject
            {
                ["payload_id"] = payloadId,
                ["security_tier"] = tier ?? "standard",
                ["response_status"] = "success",
                ["mock"] = true,
                ["memory_protection"] = new JObject
                {
                    ["platform"] = "emulator",
                    ["memory_locking"] = false,
                    ["secure_zeroing"] = false,
                    ["core_dump_prevention"] = false,
                },
                ["cuda_device"] = new JObject { ["available"] = false, ["device_hash"] = null },
            },
        };
    }

    private static JObject Choice(int index, JObject message, string finish) =>
        new() { ["index"] = index, ["message"] = message, ["finish_reason"] = finish };

    private static JObject ToolCallMessage(string name, string text) => new()
    {
        ["role"] = "assistant",
        ["content"] = null,
        ["tool_calls"] = new JArray
        {
            new JObject
            {
                ["id"] = "call_" + Hex.Encode(RandomNumberGenerator.GetBytes(8)),
                ["type"] = "function",
                ["function"] = new JObject
                {
                    ["name"] = name,
                    ["arguments"] = new JObject { ["text"] = text }.ToString(Formatting.None),
                },
            },
        },
    };

    /// <summary>The function <c>tool_choice</c> forces: a named function, or the first tool for <c>"required"</c>.</summary>
    private static string? ChosenTool(JObject payload) => payload["tool_choice"] switch
    {
        JObject choice => (string?)choice["function"]?["name"],
        { Type: JTokenType.String } choice when (string?)choice == "required" => (string?)payload["tools"]?[0]?["function"]?["name"],
        _ => null,
    };

    private static string LastUserText(JArray messages)
    {
        JObject? last = messages.OfType<JObject>().LastOrDefault(m => (string?)m["role"] == "user");
        return last?["content"] switch
        {
            { Type: JTokenType.String } text => (string)text!,
            JArray parts => string.Concat(parts.OfType<JObject>().Select(p => (string?)p["text"] ?? string.Empty)),
            _ => string.Empty,
        };
    }

    private static int WordCount(JToken? content) =>
        content is { Type: JTokenType.String } ? ((string)content!).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length : 0;
}
