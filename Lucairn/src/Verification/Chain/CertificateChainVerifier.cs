using System.Text;
using Shared.Telemetry;

namespace Lucairn;

/// <summary>
/// Certificate-chain verification (lucairn-chain spec, upstream <c>VerifyCertificateChain</c>):
/// beyond the witness signature that <see cref="CertificateVerifier"/> checks, every claim's own
/// Ed25519 signature against a pinned key per service (strict Ed25519), the claim bytes rebuilt
/// from the outer fields, request binding, egress digests and cert tiers, graded
/// FAILED &lt; PARTIAL &lt; EGRESS_UNATTESTED &lt; VERIFIED. Runs over the <b>raw bytes</b> of the
/// certificate (number lexemes, duplicate keys and trailing bytes are part of the checks). A bad
/// certificate is a FAILED result, never an exception; a bad key or option throws when the keys
/// load. Thread-safe.
/// </summary>
public static partial class CertificateChainVerifier
{
    /// <summary>Verifies the raw certificate bytes (the response body, or a witness export).</summary>
    /// <param name="certificateJson">The certificate bytes, exactly as received.</param>
    /// <param name="keys">The pinned keys and options (loaded once, on first use).</param>
    /// <returns>The graded result.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="keys"/> is null.</exception>
    /// <exception cref="LucairnValidationException">An option is wrong.</exception>
    /// <exception cref="LucairnPinnedKeyException">A pinned key is refused.</exception>
    public static CertificateChainResult Verify(ReadOnlySpan<byte> certificateJson, CertificateChainKeys keys)
    {
        _ = Require.NotNull(keys, nameof(keys));
        LoadedChainKeys loaded = keys.Load();
        using VerificationScope? span = StartSpan();
        return Completed(span, ChainRun.Run(certificateJson, loaded));
    }

    /// <summary>Verifies the raw certificate bytes.</summary>
    /// <param name="certificateJson">The certificate bytes; null is a FAILED <c>malformed</c> result.</param>
    /// <param name="keys">The pinned keys and options.</param>
    /// <returns>The graded result.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="keys"/> is null.</exception>
    /// <exception cref="LucairnValidationException">An option is wrong.</exception>
    /// <exception cref="LucairnPinnedKeyException">A pinned key is refused.</exception>
    public static CertificateChainResult Verify(byte[]? certificateJson, CertificateChainKeys keys)
    {
        _ = Require.NotNull(keys, nameof(keys));
        LoadedChainKeys loaded = keys.Load();
        using VerificationScope? span = StartSpan();
        return Completed(span, certificateJson is null ? ChainRun.Fail("1") : ChainRun.Run(certificateJson, loaded));
    }

    /// <summary>Verifies certificate text: exactly its UTF-8 bytes (an unpaired surrogate is a FAILED <c>malformed</c> result).</summary>
    /// <param name="certificateJson">The certificate text; null is a FAILED <c>malformed</c> result.</param>
    /// <param name="keys">The pinned keys and options.</param>
    /// <returns>The graded result.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="keys"/> is null.</exception>
    /// <exception cref="LucairnValidationException">An option is wrong.</exception>
    /// <exception cref="LucairnPinnedKeyException">A pinned key is refused.</exception>
    public static CertificateChainResult Verify(string? certificateJson, CertificateChainKeys keys)
    {
        _ = Require.NotNull(keys, nameof(keys));
        LoadedChainKeys loaded = keys.Load();
        using VerificationScope? span = StartSpan();
        if (certificateJson is null || (long)certificateJson.Length > ChainRun.MaxInputBytes)
        {
            // More than 32 MiB characters is more than 32 MiB bytes.
            return Completed(span, ChainRun.Fail("1"));
        }

        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(certificateJson);
        }
        catch (EncoderFallbackException)
        {
            return Completed(span, ChainRun.Fail("1"));
        }

        return Completed(span, ChainRun.Run(bytes, loaded));
    }

    /// <summary>A <c>Lucairn.VerifyCertificateChain</c> span, only when something listens.</summary>
    private static VerificationScope? StartSpan() => LucairnTelemetry.Instance.StartVerification("Lucairn.VerifyCertificateChain", "chain");

    /// <summary>Records the verdict (valid only when VERIFIED; the scope drops the reason then) and the reason code (a fixed upstream vocabulary, never certificate data).</summary>
    private static CertificateChainResult Completed(VerificationScope? span, CertificateChainResult result)
    {
        span?.Complete(valid: result.Verdict == ChainVerdicts.Verified, reason: result.Reason);
        return result;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
