using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto;

/// <summary>
/// Every Attesto hash input, one small function per domain tag and input shape. The byte
/// framings marked PROPOSED in the spec (§6–§10) live only here and in the Proofstream part
/// (<c>AttestoHashes.Proofstream.cs</c>), so a correction from the
/// vendor's parity corpus touches one function and no public API. Pure and thread-safe;
/// these functions do not run the self-test (public entry points do).
/// </summary>
internal static partial class AttestoHashes
{
    private static readonly byte[] WindowPrefix = DomainHash.Prefix(DomainTags.Window);
    private static readonly byte[] CheckpointPrefix = DomainHash.Prefix(DomainTags.Checkpoint);

    /// <summary>
    /// A window Merkle node: <c>DH("attesto.v2.window", left32 ‖ right32)</c> (tag CONFIRMED,
    /// framing PROPOSED).
    /// </summary>
    internal static void WindowNode(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination) =>
        DomainHash.ComputePair(WindowPrefix, left, right, destination);

    /// <summary>
    /// A checkpoint-root node over window hashes: <c>DH("attesto.v2.checkpoint", left32 ‖ right32)</c>
    /// (tag CONFIRMED, framing PROPOSED).
    /// </summary>
    internal static void CheckpointNode(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination) =>
        DomainHash.ComputePair(CheckpointPrefix, left, right, destination);

    /// <summary>
    /// The canonical payload hash of a payload commitment: plain SHA-256 of the canonical JSON
    /// bytes, no domain tag (INFERRED/PROPOSED, spec §6). Applies the number policy.
    /// </summary>
    /// <exception cref="AttestoUnsafeNumberException">The payload breaks the number policy.</exception>
    /// <exception cref="AttestoValidationException">The payload cannot be canonicalised.</exception>
    internal static byte[] PayloadHash(JToken payload) => Hashes.Sha256(AttestoCanonicalJson.Serialize(payload));

    /// <summary>
    /// The 32 bytes a receipt signature covers: <c>DH("attesto.v2.receipt", canonical(receipt.payload))</c>
    /// (PROPOSED, spec §9).
    /// </summary>
    /// <exception cref="AttestoUnsafeNumberException">The receipt payload breaks the number policy.</exception>
    /// <exception cref="AttestoValidationException">The receipt payload cannot be canonicalised.</exception>
    internal static byte[] ReceiptDigest(JToken receiptPayload) =>
        DomainHash.Compute(DomainTags.Receipt, AttestoCanonicalJson.Serialize(receiptPayload));

    /// <summary>
    /// An event hash: <c>DH("attesto.v2.event", canonical({tenant_id, stream_id, seq_no, source_ref,
    /// event_type, occurred_at, payload_hash, previous_event_hash}))</c> (PROPOSED, spec §8).
    /// </summary>
    internal static byte[] EventHash(EventHashInput input)
    {
        AttestoArguments.NotNull(input, nameof(input));
        var envelope = new JObject
        {
            ["tenant_id"] = input.TenantId,
            ["stream_id"] = input.StreamId,
            ["seq_no"] = input.SeqNo,
            ["source_ref"] = input.SourceRef,
            ["event_type"] = input.EventType,
            ["occurred_at"] = input.OccurredAt,
            ["payload_hash"] = input.PayloadHash,
            ["previous_event_hash"] = input.PreviousEventHash,
        };
        return DomainHash.Compute(DomainTags.Event, AttestoCanonicalJson.Serialize(envelope));
    }

    /// <summary>A stream head hash: <c>DH("attesto.v2.head", event_hash32)</c> (PROPOSED, spec §8).</summary>
    internal static byte[] StreamHeadHash(ReadOnlySpan<byte> eventHash) => DomainHash.Compute(DomainTags.Head, eventHash);

    /// <summary>The <c>previous_event_hash</c> of the first event in a stream: 32 zero bytes, as 64 hex zeros.</summary>
    internal static readonly string GenesisPreviousEventHash = new('0', 64);
}
