using System.Collections.ObjectModel;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>
/// <c>_metadata</c>: the four fields the client stamps (spec §4) plus what the server sent.
/// The server's other fields (<c>memory_protection</c>, <c>cuda_device</c>, …) are in
/// <see cref="AdditionalData"/> and in <see cref="ChatCompletion.GetRawJson"/>.
/// </summary>
public sealed class ChatCompletionMetadata
{
    /// <summary><c>payload_id</c>: the request's <c>X-Payload-ID</c> (a server-supplied one was checked to be equal).</summary>
    [JsonProperty("payload_id")]
    public string? PayloadId { get; init; }

    /// <summary><c>processed_at</c>: the server's Unix seconds from the package, or null.</summary>
    [JsonProperty("processed_at")]
    public long? ProcessedAt { get; init; }

    /// <summary><c>is_encrypted</c>: true (the answer arrived encrypted and decrypted successfully).</summary>
    [JsonProperty("is_encrypted")]
    public bool IsEncrypted { get; init; }

    /// <summary><c>encryption_algorithm</c>: <c>hybrid-aes256-rsa4096</c> (checked before decryption).</summary>
    [JsonProperty("encryption_algorithm")]
    public string? EncryptionAlgorithm { get; init; }

    /// <summary><c>security_tier</c>: the tier the server applied, when it says.</summary>
    [JsonProperty("security_tier")]
    public string? SecurityTier { get; init; }

    [JsonExtensionData]
    private readonly Dictionary<string, JToken> _additionalData = new(StringComparer.Ordinal);

    /// <summary>Every other server field of <c>_metadata</c> (read-only).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JToken> AdditionalData
    {
        get => new ReadOnlyDictionary<string, JToken>(_additionalData);
        init => _additionalData = new Dictionary<string, JToken>(NomyoValidationException.NotNull(value, "AdditionalData"), StringComparer.Ordinal);
    }
}
