using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>
/// Writes and reads portable receipt exports (<c>*.attesto.json</c>, spec §16): envelope
/// <c>format</c> = <c>attesto-receipt-export</c>, <c>format_version</c> = 1, <c>exported_at</c>,
/// optional <c>stream_id</c> / <c>seq_no</c> / <c>event_hash</c> (picked from <c>receipt.payload</c>),
/// optional <c>witness_public_key_hex</c>, the receipt verbatim, optional <c>payload</c> and
/// <c>payload_commitment</c>; empty optional fields are omitted; indented JSON.
/// </summary>
public static class ReceiptExport
{
    /// <summary>Builds an export document for a receipt.</summary>
    /// <param name="receipt">The receipt as the API returned it (kept verbatim).</param>
    /// <param name="exportedAt">The export time (written in UTC with milliseconds and <c>Z</c>).</param>
    /// <param name="witnessPublicKeyHex">The signer's public key to include, if any.</param>
    /// <param name="payload">The event payload to include, if any (its commitment is added). An empty
    /// payload (<c>null</c>, <c>{}</c> or <c>[]</c>) counts as none: neither it nor a commitment is written.</param>
    /// <returns>The document.</returns>
    /// <exception cref="AttestoUnsafeNumberException">The payload breaks the number policy.</exception>
    public static ReceiptExportDocument Create(JObject receipt, DateTimeOffset exportedAt, string? witnessPublicKeyHex = null, JToken? payload = null)
    {
        AttestoArguments.NotNull(receipt, nameof(receipt));
        JObject? signed = receipt["payload"] as JObject;
        JToken? included = IsEmpty(payload) ? null : payload;
        return new ReceiptExportDocument(exportedAt.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture), receipt)
        {
            StreamId = signed is null ? null : JsonFields.Text(signed, "stream_id", "streamId"),
            SeqNo = signed is null ? null : JsonFields.Integer(signed, "seq_no", "seqNo"),
            EventHash = signed is null ? null : JsonFields.Text(signed, "event_hash", "eventHash"),
            WitnessPublicKeyHex = witnessPublicKeyHex,
            Payload = included,
            PayloadCommitment = included is null ? null : PayloadCommitment.Compute(included).ToJson(),
        };
    }

    /// <summary>Writes a document as indented JSON in the canonical field order, omitting empty optional fields.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(ReceiptExportDocument document)
    {
        AttestoArguments.NotNull(document, nameof(document));
        var json = new JObject
        {
            ["format"] = ReceiptExportDocument.FormatName,
            ["format_version"] = ReceiptExportDocument.CurrentFormatVersion,
            ["exported_at"] = document.ExportedAt,
        };
        AddText(json, "stream_id", document.StreamId);
        if (document.SeqNo is { } seqNo)
        {
            json["seq_no"] = seqNo;
        }

        AddText(json, "event_hash", document.EventHash);
        AddText(json, "witness_public_key_hex", document.WitnessPublicKeyHex);
        json["receipt"] = document.Receipt.DeepClone();
        if (!IsEmpty(document.Payload))
        {
            json["payload"] = document.Payload!.DeepClone();
        }

        if (document.PayloadCommitment is { Count: > 0 } commitment)
        {
            json["payload_commitment"] = commitment.DeepClone();
        }

        return json.ToString(Formatting.Indented);
    }

    /// <summary>Reads an export document, checking the envelope constants.</summary>
    /// <param name="json">The file text.</param>
    /// <returns>The document.</returns>
    /// <exception cref="AttestoValidationException">The text is not an Attesto receipt export of a supported version.</exception>
    public static ReceiptExportDocument Parse(string json)
    {
        if (AttestoCanonicalJson.Parse(json) is not JObject root)
        {
            throw new AttestoValidationException("A receipt export must be a JSON object.");
        }

        if (JsonFields.Text(root, "format") != ReceiptExportDocument.FormatName)
        {
            throw new AttestoValidationException($"Not an Attesto receipt export: 'format' must be '{ReceiptExportDocument.FormatName}'.");
        }

        if (JsonFields.Integer(root, "format_version") != ReceiptExportDocument.CurrentFormatVersion || root["format_version"]!.Type != JTokenType.Integer)
        {
            throw new AttestoValidationException($"Unsupported receipt export 'format_version'; this SDK reads version {ReceiptExportDocument.CurrentFormatVersion}.");
        }

        string exportedAt = JsonFields.Text(root, "exported_at") ?? throw new AttestoValidationException("The receipt export has no 'exported_at'.");
        JObject receipt = root["receipt"] as JObject ?? throw new AttestoValidationException("The receipt export has no 'receipt' object.");
        return new ReceiptExportDocument(exportedAt, receipt)
        {
            StreamId = JsonFields.Text(root, "stream_id"),
            SeqNo = JsonFields.Integer(root, "seq_no"),
            EventHash = JsonFields.Text(root, "event_hash"),
            WitnessPublicKeyHex = JsonFields.Text(root, "witness_public_key_hex"),
            Payload = root["payload"],
            PayloadCommitment = root["payload_commitment"] as JObject,
        };
    }

    /// <summary>Writes a document to a file (UTF-8, no BOM).</summary>
    /// <param name="path">The file path, conventionally ending in <c>.attesto.json</c>.</param>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public static Task WriteFileAsync(string path, ReceiptExportDocument document, CancellationToken cancellationToken = default)
    {
        AttestoArguments.NotEmpty(path, nameof(path));
        return File.WriteAllTextAsync(path, Serialize(document), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
    }

    /// <summary>Reads a document from a file.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The document.</returns>
    /// <exception cref="AttestoValidationException">The file is not a supported receipt export.</exception>
    public static async Task<ReceiptExportDocument> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        AttestoArguments.NotEmpty(path, nameof(path));
        string text = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        return Parse(text);
    }

    /// <summary>Empty in the sense of spec §16 (<c>omit_when_empty</c>): absent, JSON null, <c>{}</c> or <c>[]</c>.</summary>
    private static bool IsEmpty(JToken? value) => value switch
    {
        null => true,
        { Type: JTokenType.Null } => true,
        JObject { Count: 0 } => true,
        JArray { Count: 0 } => true,
        _ => false,
    };

    private static void AddText(JObject json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json[name] = value;
        }
    }
}
