using Shared.Telemetry;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto;

/// <summary>
/// Offline receipt verification (spec §9): recomputes the domain-separated digest of
/// <c>receipt.payload</c> and checks the Ed25519 signature against the signer's public key, on
/// this machine, with no network call. Pure and thread-safe.
/// </summary>
public static partial class Receipts
{
    /// <summary>Problem: <c>alg</c> missing or not <c>Ed25519</c>.</summary>
    public const string UnsupportedAlg = "unsupported receipt alg";

    /// <summary>Problem: the signature is not 128 hex digits.</summary>
    public const string MalformedSignature = "malformed receipt signature";

    /// <summary>Problem: the public key is not 64 hex digits of a valid Ed25519 key.</summary>
    public const string MalformedPublicKey = "malformed public key";

    /// <summary>Problem: the receipt or its <c>payload</c> is not an object that can be canonicalised.</summary>
    public const string MalformedPayload = "malformed receipt payload";

    /// <summary>Problem: the signature does not verify.</summary>
    public const string SignatureMismatch = "receipt signature mismatch";

    /// <summary>Problem: a carried <c>receipt_hash</c>/<c>payload_hash</c> differs from the recomputed digest.</summary>
    public const string HashMismatch = "receipt hash mismatch";

    /// <summary>Problem: emulator evidence without the caller's opt-in.</summary>
    public const string MockReceipt = "mock receipt";

    private const int MaxCachedKeys = 64;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Ed25519PublicKey> KeyCache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Verifies a receipt; mock receipts fail with <see cref="MockReceipt"/>.</summary>
    /// <param name="receipt">The receipt object (<c>alg</c>, <c>kid</c>, <c>payload</c>, <c>signature</c>).</param>
    /// <param name="publicKeyHex">The signer's Ed25519 public key, 64 hex digits (either case).</param>
    /// <returns>The report; <see cref="VerificationReport.Ok"/> only when nothing failed.</returns>
    /// <exception cref="AttestoSelfTestException">The SDK's self-test failed on this machine.</exception>
    public static ReceiptVerificationReport Verify(JToken receipt, string publicKeyHex) => Verify(receipt, publicKeyHex, allowMock: false);

    /// <summary>Verifies a receipt, optionally accepting emulator evidence.</summary>
    /// <param name="receipt">The receipt object (<c>alg</c>, <c>kid</c>, <c>payload</c>, <c>signature</c>).</param>
    /// <param name="publicKeyHex">The signer's Ed25519 public key, 64 hex digits (either case).</param>
    /// <param name="allowMock">Whether mock receipts (from the emulator) may pass.</param>
    /// <returns>The report; <see cref="VerificationReport.Ok"/> only when nothing failed.</returns>
    /// <exception cref="AttestoSelfTestException">The SDK's self-test failed on this machine.</exception>
    public static ReceiptVerificationReport Verify(JToken receipt, string publicKeyHex, bool allowMock)
    {
        using VerificationScope? span = AttestoTelemetry.Instance.StartVerification("Attesto.VerifyReceipt", "receipt");
        try
        {
            ReceiptVerificationReport report = VerifyCore(receipt, publicKeyHex, allowMock);
            span?.Complete(report.Ok, VerificationReasons.Receipt(report));
            return report;
        }
        catch (Exception ex) when (VerificationScope.Fail(span, ex))
        {
            throw;
        }
    }

    private static ReceiptVerificationReport VerifyCore(JToken receipt, string publicKeyHex, bool allowMock)
    {
        SelfTest.EnsurePassed();
        var problems = new List<string>(2);
        if (receipt is not JObject obj)
        {
            problems.Add(MalformedPayload);
            return new ReceiptVerificationReport(problems, isMock: false, digestHex: null);
        }

        bool algOk = JsonFields.Text(obj, "alg") == ReceiptSigning.Algorithm;
        if (!algOk)
        {
            problems.Add(UnsupportedAlg);
        }

        byte[]? signature = HexSpan.TryDecode(JsonFields.Text(obj, "signature"), Ed25519PublicKey.SignatureSize);
        if (signature is null)
        {
            problems.Add(MalformedSignature);
        }

        Ed25519PublicKey? key = ParseKey(publicKeyHex);
        if (key is null)
        {
            problems.Add(MalformedPublicKey);
        }

        JObject? payload = obj["payload"] as JObject;
        byte[]? digest = null;
        if (payload is not null)
        {
            try
            {
                digest = ReceiptSigning.SigningInput(payload);
            }
            catch (AttestoException)
            {
                digest = null;
            }
        }

        if (digest is null)
        {
            problems.Add(MalformedPayload);
        }
        else
        {
            string? carried = JsonFields.Text(obj, "receipt_hash", "payload_hash");
            Span<byte> claimed = stackalloc byte[Hashes.DigestSize];
            if (carried is not null && (!HexSpan.TryDecode(carried, claimed) || !claimed.SequenceEqual(digest)))
            {
                problems.Add(HashMismatch);
            }

            if (algOk && signature is not null && key is not null && !key.Verify(digest, signature))
            {
                problems.Add(SignatureMismatch);
            }
        }

        bool isMock = JsonFields.Boolean(obj, "mock") == true
            || (payload is not null && JsonFields.Boolean(payload, "mock") == true)
            || JsonFields.Text(obj, "kid") == ReceiptSigning.MockKid;
        if (isMock && !allowMock)
        {
            problems.Add(MockReceipt);
        }

        return new ReceiptVerificationReport(problems, isMock, digest is null ? null : Hex.Encode(digest));
    }

    private static Ed25519PublicKey? ParseKey(string? publicKeyHex)
    {
        if (publicKeyHex is null || publicKeyHex.Length != Ed25519PublicKey.KeySize * 2)
        {
            return null;
        }

        if (KeyCache.TryGetValue(publicKeyHex, out Ed25519PublicKey? cached))
        {
            return cached;
        }

        byte[]? raw = HexSpan.TryDecode(publicKeyHex, Ed25519PublicKey.KeySize);
        if (raw is null)
        {
            return null;
        }

        Ed25519PublicKey key;
        try
        {
            key = Ed25519PublicKey.FromRaw(raw);
        }
        catch (CryptoFormatException)
        {
            return null;
        }

        if (KeyCache.Count >= MaxCachedKeys)
        {
            KeyCache.Clear();
        }

        KeyCache[publicKeyHex] = key;
        return key;
    }
}
