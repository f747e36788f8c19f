using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Nomyo;

/// <summary>
/// Builds every output model of the SDK without JSON or a server, for tests of code that consumes
/// them (like Azure's <c>…ModelFactory</c>): one method per model, every property an optional
/// parameter. A completion built here also has a matching <see cref="ChatCompletion.GetRawJson"/>.
/// </summary>
/// <example>
/// <code>
/// var mock = new Mock&lt;SecureChatCompletion&gt;();
/// mock.Setup(c => c.CreateAsync("m", It.IsAny&lt;IEnumerable&lt;ChatMessage&gt;&gt;(), null, default))
///     .ReturnsAsync(NomyoModelFactory.ChatCompletion(choices: [NomyoModelFactory.ChatChoice(message: NomyoModelFactory.ChatResponseMessage(content: "Hi"))]));
/// </code>
/// </example>
public static class NomyoModelFactory
{
    /// <summary>A <see cref="Nomyo.ChatCompletion"/>.</summary>
    /// <param name="id"><c>id</c>.</param>
    /// <param name="object"><c>object</c> (default <c>chat.completion</c>).</param>
    /// <param name="created"><c>created</c> (Unix seconds).</param>
    /// <param name="model"><c>model</c>.</param>
    /// <param name="choices"><c>choices</c> (default none).</param>
    /// <param name="usage"><c>usage</c>.</param>
    /// <param name="metadata"><c>_metadata</c> (default an empty one).</param>
    /// <param name="rawJson">The raw response <see cref="Nomyo.ChatCompletion.GetRawJson"/> returns (copied); null builds it from the other values.</param>
    /// <returns>The completion.</returns>
    public static ChatCompletion ChatCompletion(
        string? id = null,
        string? @object = "chat.completion",
        long? created = null,
        string? model = null,
        IEnumerable<ChatChoice>? choices = null,
        ChatUsage? usage = null,
        ChatCompletionMetadata? metadata = null,
        JObject? rawJson = null)
    {
        var completion = new ChatCompletion
        {
            Id = id,
            Object = @object,
            Created = created,
            Model = model,
            Choices = choices?.ToArray() ?? [],
            Usage = usage,
            Metadata = metadata ?? new ChatCompletionMetadata(),
        };
        return completion.WithRaw(rawJson is null ? completion.ToJson() : (JObject)rawJson.DeepClone());
    }

    /// <summary>A <see cref="Nomyo.ChatChoice"/>.</summary>
    /// <param name="index"><c>index</c>.</param>
    /// <param name="message"><c>message</c> (default an empty one).</param>
    /// <param name="finishReason"><c>finish_reason</c>.</param>
    /// <returns>The choice.</returns>
    public static ChatChoice ChatChoice(int index = 0, ChatResponseMessage? message = null, string? finishReason = "stop") =>
        new() { Index = index, Message = message ?? new ChatResponseMessage(), FinishReason = finishReason };

    /// <summary>A <see cref="Nomyo.ChatResponseMessage"/>.</summary>
    /// <param name="role"><c>role</c> (default <c>assistant</c>).</param>
    /// <param name="content"><c>content</c>.</param>
    /// <param name="toolCalls"><c>tool_calls</c> (default none).</param>
    /// <param name="reasoningContent"><c>reasoning_content</c>.</param>
    /// <returns>The message.</returns>
    public static ChatResponseMessage ChatResponseMessage(
        string? role = "assistant",
        string? content = null,
        IEnumerable<ChatToolCall>? toolCalls = null,
        string? reasoningContent = null) =>
        new() { Role = role, Content = content, ToolCalls = toolCalls?.ToArray() ?? [], ReasoningContent = reasoningContent };

    /// <summary>A <see cref="Nomyo.ChatToolCall"/>.</summary>
    /// <param name="id"><c>id</c>.</param>
    /// <param name="type"><c>type</c> (default <c>function</c>).</param>
    /// <param name="function"><c>function</c> (default an empty one).</param>
    /// <returns>The tool call.</returns>
    public static ChatToolCall ChatToolCall(string? id = null, string? type = "function", ChatFunctionCall? function = null) =>
        new() { Id = id, Type = type, Function = function ?? new ChatFunctionCall() };

    /// <summary>A <see cref="Nomyo.ChatFunctionCall"/>.</summary>
    /// <param name="name"><c>name</c>.</param>
    /// <param name="arguments"><c>arguments</c> (JSON text).</param>
    /// <returns>The function call.</returns>
    public static ChatFunctionCall ChatFunctionCall(string? name = null, string? arguments = null) =>
        new() { Name = name, Arguments = arguments };

    /// <summary>A <see cref="Nomyo.ChatUsage"/>.</summary>
    /// <param name="promptTokens"><c>prompt_tokens</c>.</param>
    /// <param name="completionTokens"><c>completion_tokens</c>.</param>
    /// <param name="totalTokens"><c>total_tokens</c>; null for the sum of the two.</param>
    /// <returns>The usage.</returns>
    public static ChatUsage ChatUsage(int promptTokens = 0, int completionTokens = 0, int? totalTokens = null) =>
        new() { PromptTokens = promptTokens, CompletionTokens = completionTokens, TotalTokens = totalTokens ?? (promptTokens + completionTokens) };

    /// <summary>A <see cref="Nomyo.ChatCompletionMetadata"/>.</summary>
    /// <param name="payloadId"><c>payload_id</c>.</param>
    /// <param name="processedAt"><c>processed_at</c> (Unix seconds).</param>
    /// <param name="isEncrypted"><c>is_encrypted</c> (default true, as on every decrypted answer).</param>
    /// <param name="encryptionAlgorithm"><c>encryption_algorithm</c> (default <see cref="NomyoProtocol.Algorithm"/>).</param>
    /// <param name="securityTier"><c>security_tier</c>.</param>
    /// <param name="additionalData">The server's other <c>_metadata</c> fields (copied).</param>
    /// <returns>The metadata.</returns>
    public static ChatCompletionMetadata ChatCompletionMetadata(
        string? payloadId = null,
        long? processedAt = null,
        bool isEncrypted = true,
        string? encryptionAlgorithm = NomyoProtocol.Algorithm,
        string? securityTier = null,
        IReadOnlyDictionary<string, JToken>? additionalData = null) =>
        new()
        {
            PayloadId = payloadId,
            ProcessedAt = processedAt,
            IsEncrypted = isEncrypted,
            EncryptionAlgorithm = encryptionAlgorithm,
            SecurityTier = securityTier,
            AdditionalData = additionalData?.ToDictionary(p => p.Key, p => p.Value.DeepClone(), StringComparer.Ordinal) ?? new Dictionary<string, JToken>(StringComparer.Ordinal),
        };

    /// <summary>A <see cref="Shared.Crypto.MemoryProtectionInfo"/> (what <see cref="SecureCompletionClient.GetMemoryProtectionInfo"/> returns).</summary>
    /// <param name="enabled">Whether the client locks its secret buffers.</param>
    /// <param name="platform">The platform name, e.g. <c>linux</c>.</param>
    /// <param name="protectionLevel">What is achieved.</param>
    /// <param name="hasMemoryLocking">Whether the machine can lock memory.</param>
    /// <param name="hasSecureZeroing">Whether buffers are wiped.</param>
    /// <param name="supportsFullProtection">Whether full protection is possible here.</param>
    /// <param name="pageSize">The page size in bytes.</param>
    /// <returns>The report.</returns>
    public static MemoryProtectionInfo MemoryProtectionInfo(
        bool enabled = true,
        string platform = "linux",
        ProtectionLevel protectionLevel = ProtectionLevel.Full,
        bool hasMemoryLocking = true,
        bool hasSecureZeroing = true,
        bool supportsFullProtection = true,
        int pageSize = 4096) =>
        new(enabled, platform, protectionLevel, hasMemoryLocking, hasSecureZeroing, supportsFullProtection, pageSize);
}
