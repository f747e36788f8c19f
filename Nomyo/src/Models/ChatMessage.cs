using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>One OpenAI-format input message (<c>{"role": …, "content": …}</c>).</summary>
public sealed class ChatMessage
{
    /// <summary>Creates a message.</summary>
    /// <param name="role">The role: <c>system</c>, <c>user</c>, <c>assistant</c>, <c>tool</c> (or another the server knows).</param>
    /// <param name="content">The text; null only for an assistant message that carries <see cref="ToolCalls"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="role"/> is null or empty.</exception>
    public ChatMessage(string role, string? content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        Role = role;
        Content = content;
    }

    /// <summary>The <c>role</c>.</summary>
    public string Role { get; }

    /// <summary>The <c>content</c> text.</summary>
    public string? Content { get; }

    /// <summary>The <c>content</c> as a list of parts, when the message was created with parts (then <see cref="Content"/> is null).</summary>
    public JArray? ContentParts { get; private init; }

    /// <summary>The optional <c>name</c> of the participant.</summary>
    public string? Name { get; init; }

    /// <summary>The <c>tool_calls</c> of an assistant message, forwarded verbatim.</summary>
    public JArray? ToolCalls { get; init; }

    /// <summary>The <c>tool_call_id</c> a <c>tool</c> message answers.</summary>
    public string? ToolCallId { get; init; }

    /// <summary>Any other message fields, forwarded verbatim after the ones above (they may not repeat them).</summary>
    public IDictionary<string, JToken?> AdditionalProperties { get; } = new Dictionary<string, JToken?>(StringComparer.Ordinal);

    /// <summary>A message whose content is a list of parts (for example text and image parts), forwarded verbatim.</summary>
    /// <param name="role">The role.</param>
    /// <param name="contentParts">The OpenAI content parts, e.g. <c>[{"type": "text", "text": "…"}]</c>.</param>
    /// <returns>The message (its <see cref="Content"/> is null).</returns>
    /// <exception cref="ArgumentException"><paramref name="role"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="contentParts"/> is null.</exception>
    public static ChatMessage FromContentParts(string role, JArray contentParts)
    {
        ArgumentNullException.ThrowIfNull(contentParts);
        return new ChatMessage(role, content: null) { ContentParts = contentParts };
    }

    /// <summary>A <c>system</c> message.</summary>
    /// <param name="content">The instructions.</param>
    /// <returns>The message.</returns>
    public static ChatMessage System(string content) => new("system", content);

    /// <summary>A <c>user</c> message.</summary>
    /// <param name="content">The text.</param>
    /// <returns>The message.</returns>
    public static ChatMessage User(string content) => new("user", content);

    /// <summary>An <c>assistant</c> message (for conversation history).</summary>
    /// <param name="content">The text.</param>
    /// <returns>The message.</returns>
    public static ChatMessage Assistant(string? content) => new("assistant", content);

    /// <summary>A <c>tool</c> message with the result of a tool call.</summary>
    /// <param name="toolCallId">The id of the call it answers.</param>
    /// <param name="content">The result.</param>
    /// <returns>The message.</returns>
    public static ChatMessage Tool(string toolCallId, string content) => new("tool", content) { ToolCallId = toolCallId };
}
