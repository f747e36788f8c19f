using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto;

/// <summary>Bulk receipt verification: many receipts on every core, results in input order.</summary>
public static partial class Receipts
{
    /// <summary>
    /// Verifies a sequence of receipt documents on <see cref="BulkOptions.MaxDegreeOfParallelism"/>
    /// workers and yields one report per document in input order. Each document is JSON text: a
    /// bare receipt object or a receipt export (<see cref="ReceiptExportDocument.FormatName"/>), whose
    /// receipt is checked. Text that is not acceptable JSON gives a report with
    /// <see cref="MalformedPayload"/>; the run goes on. The public key is decoded once.
    /// </summary>
    /// <param name="documents">The receipt or receipt-export JSON texts (enumerated on a worker thread).</param>
    /// <param name="publicKeyHex">The signer's Ed25519 public key, 64 hex digits.</param>
    /// <param name="allowMock">Whether mock receipts (from the emulator) may pass.</param>
    /// <param name="options">Workers, read-ahead and progress; null for <see cref="BulkOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The reports in input order.</returns>
    /// <exception cref="AttestoValidationException"><paramref name="documents"/> or <paramref name="publicKeyHex"/> is null.</exception>
    public static IAsyncEnumerable<BulkResult<ReceiptVerificationReport>> VerifyManyAsync(
        IEnumerable<string?> documents, string publicKeyHex, bool allowMock = false, BulkOptions? options = null, CancellationToken cancellationToken = default)
    {
        AttestoArguments.NotNull(documents, nameof(documents));
        AttestoArguments.NotNull(publicKeyHex, nameof(publicKeyHex));
        _ = ParseKey(publicKeyHex); // decoded and cached once for the run
        return BulkRunner.RunAsync(documents, document => VerifyDocument(document, publicKeyHex, allowMock), options, cancellationToken);
    }

    /// <summary>Verifies an asynchronous sequence of receipt documents; otherwise as <see cref="VerifyManyAsync"/>.</summary>
    /// <param name="documents">The receipt or receipt-export JSON texts.</param>
    /// <param name="publicKeyHex">The signer's Ed25519 public key, 64 hex digits.</param>
    /// <param name="allowMock">Whether mock receipts (from the emulator) may pass.</param>
    /// <param name="options">Workers, read-ahead and progress; null for <see cref="BulkOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The reports in input order.</returns>
    /// <exception cref="AttestoValidationException"><paramref name="documents"/> or <paramref name="publicKeyHex"/> is null.</exception>
    public static IAsyncEnumerable<BulkResult<ReceiptVerificationReport>> VerifyStreamAsync(
        IAsyncEnumerable<string?> documents, string publicKeyHex, bool allowMock = false, BulkOptions? options = null, CancellationToken cancellationToken = default)
    {
        AttestoArguments.NotNull(documents, nameof(documents));
        AttestoArguments.NotNull(publicKeyHex, nameof(publicKeyHex));
        _ = ParseKey(publicKeyHex);
        return BulkRunner.RunStreamAsync(documents, document => VerifyDocument(document, publicKeyHex, allowMock), options, cancellationToken);
    }

    /// <summary>One document of a bulk run: a bare receipt or a receipt export, as JSON text.</summary>
    /// <param name="document">The JSON text.</param>
    /// <param name="publicKeyHex">The signer's public key.</param>
    /// <param name="allowMock">Whether mock receipts may pass.</param>
    /// <returns>The report.</returns>
    public static ReceiptVerificationReport VerifyDocument(string? document, string publicKeyHex, bool allowMock)
    {
        JToken parsed;
        try
        {
            parsed = AttestoCanonicalJson.Parse(document ?? "null");
        }
        catch (AttestoException)
        {
            return new ReceiptVerificationReport([MalformedPayload], isMock: false, digestHex: null);
        }

        if (parsed is JObject obj && obj["format"] is JValue { Value: ReceiptExportDocument.FormatName } && obj["receipt"] is JObject receipt)
        {
            parsed = receipt;
        }

        return Verify(parsed, publicKeyHex, allowMock);
    }
}
