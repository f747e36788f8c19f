using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>
/// The client-side <c>_metadata</c> merge of spec §4, hardened (§12a.3): a server-supplied
/// <c>payload_id</c> must equal the one sent, then <c>payload_id</c>, <c>processed_at</c>,
/// <c>is_encrypted</c> and <c>encryption_algorithm</c> are stamped; other server keys survive.
/// </summary>
internal static class ResponseMetadata
{
    internal static void Attach(JObject response, string payloadId, long? processedAt)
    {
        JObject metadata;
        switch (response["_metadata"])
        {
            case null:
                metadata = new JObject();
                response["_metadata"] = metadata;
                break;
            case JObject existing:
                metadata = existing;
                break;
            case var other:
                throw new NomyoSecurityException(NomyoSecurityReason.MalformedPlaintext, $"The decrypted response's '_metadata' must be an object; it is a {other.Type}.");
        }

        if (metadata["payload_id"] is { Type: not JTokenType.Null } echoed
            && !(echoed.Type == JTokenType.String && string.Equals((string?)echoed, payloadId, StringComparison.Ordinal)))
        {
            throw new NomyoSecurityException(
                NomyoSecurityReason.PayloadIdMismatch,
                $"The response belongs to another request: its _metadata.payload_id is {echoed.ToString(Newtonsoft.Json.Formatting.None)}, but this request sent \"{payloadId}\" (replayed or misrouted response).");
        }

        metadata["payload_id"] = payloadId;
        metadata["processed_at"] = processedAt is long seconds ? new JValue(seconds) : JValue.CreateNull();
        metadata["is_encrypted"] = true;
        metadata["encryption_algorithm"] = NomyoProtocol.Algorithm;
    }
}
