using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>
/// A portable receipt export (<c>*.attesto.json</c>, spec §16): the receipt exactly as the API
/// returned it, with the fields an auditor needs to verify it offline.
/// </summary>
public sealed class ReceiptExportDocument
{
    /// <summary>The constant <c>format</c> value.</summary>
    public const string FormatName = "attesto-receipt-export";

    /// <summary>The constant <c>format_version</c> value.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Creates a document around a receipt.</summary>
    /// <param name="exportedAt">The export time as written (<c>exported_at</c>, UTC, milliseconds, <c>Z</c>).</param>
    /// <param name="receipt">The receipt, verbatim.</param>
    public ReceiptExportDocument(string exportedAt, JObject receipt)
    {
        ExportedAt = exportedAt;
        Receipt = receipt;
    }

    /// <summary>The export time (<c>exported_at</c>), e.g. <c>2026-06-07T12:00:00.000Z</c>.</summary>
    public string ExportedAt { get; }

    /// <summary>The receipt exactly as the API returned it (<c>receipt</c>).</summary>
    public JObject Receipt { get; }

    /// <summary>The stream (<c>stream_id</c>), if known.</summary>
    public string? StreamId { get; init; }

    /// <summary>The sequence number (<c>seq_no</c>), if known.</summary>
    public long? SeqNo { get; init; }

    /// <summary>The event hash (<c>event_hash</c>), if known.</summary>
    public string? EventHash { get; init; }

    /// <summary>The receipt signer's public key (<c>witness_public_key_hex</c>), if included.</summary>
    public string? WitnessPublicKeyHex { get; init; }

    /// <summary>The event payload (<c>payload</c>), if included.</summary>
    public JToken? Payload { get; init; }

    /// <summary>The payload commitment (<c>payload_commitment</c>), if included.</summary>
    public JObject? PayloadCommitment { get; init; }
}
