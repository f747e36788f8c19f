using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Lucairn;

/// <summary>
/// Offline verification of Veil certificates against the witness's Ed25519 key (spec §9): no
/// network, no client needed. The certificate may be the raw JSON text (fastest: one streaming
/// pass, no token tree), a <see cref="JToken"/> or a <see cref="VeilCertificate"/>; the signed
/// bytes are always rebuilt from the raw JSON values. Checks run in the upstream order and the
/// first failure decides the <see cref="LucairnCertificateException.Reason"/>: malformed →
/// unsupported protocol version → witness key id → blank witness signature → downgrade → signature
/// → required signable version. Every failure throws (fail closed). Thread-safe.
/// </summary>
public static partial class CertificateVerifier
{
    /// <summary>The signable buffer's starting size: the real v3 signable is about 600 bytes.</summary>
    private const int SignableCapacity = 1024;

    /// <summary>Verifies certificate JSON text.</summary>
    /// <param name="certificateJson">The certificate JSON; null or anything but an object is <c>malformed</c>.</param>
    /// <param name="keys">The expected witness key id and public key.</param>
    /// <returns>The verified facts.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="keys"/> is null.</exception>
    /// <exception cref="LucairnCertificateException">Verification failed; see <see cref="LucairnCertificateException.Reason"/>.</exception>
    public static VerifyCertificateResult Verify(string? certificateJson, VerifyCertificateKeys keys) =>
        Verify(certificateJson, keys, minimumSignableVersion: null);

    /// <summary>Verifies certificate JSON text, optionally requiring the v3 signable.</summary>
    /// <param name="certificateJson">The certificate JSON; null or anything but an object is <c>malformed</c>.</param>
    /// <param name="keys">The expected witness key id and public key.</param>
    /// <param name="minimumSignableVersion"><see cref="SignableVersion.V3"/> to reject certificates that verify only as v2 (<c>signable_version_insufficient</c>); null or <see cref="SignableVersion.V2"/> impose nothing.</param>
    /// <returns>The verified facts.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="keys"/> is null.</exception>
    /// <exception cref="LucairnValidationException"><paramref name="minimumSignableVersion"/> is not a defined value.</exception>
    /// <exception cref="LucairnCertificateException">Verification failed; see <see cref="LucairnCertificateException.Reason"/>.</exception>
    public static VerifyCertificateResult Verify(string? certificateJson, VerifyCertificateKeys keys, SignableVersion? minimumSignableVersion)
    {
        return Observed(certificateJson, keys, minimumSignableVersion, static json => CertificateReader.Read(json));
    }

    /// <summary>Verifies a certificate held as a token tree (parse it with <c>DateParseHandling.None</c>).</summary>
    /// <param name="certificate">The certificate; null or anything but an object is <c>malformed</c>.</param>
    /// <param name="keys">The expected witness key id and public key.</param>
    /// <returns>The verified facts.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="keys"/> is null.</exception>
    /// <exception cref="LucairnCertificateException">Verification failed; see <see cref="LucairnCertificateException.Reason"/>.</exception>
    public static VerifyCertificateResult Verify(JToken? certificate, VerifyCertificateKeys keys) =>
        Verify(certificate, keys, minimumSignableVersion: null);

    /// <summary>Verifies a certificate held as a token tree, optionally requiring the v3 signable.</summary>
    /// <param name="certificate">The certificate; null or anything but an object is <c>malformed</c>.</param>
    /// <param name="keys">The expected witness key id and public key.</param>
    /// <param name="minimumSignableVersion"><see cref="SignableVersion.V3"/> to reject certificates that verify only as v2; null or <see cref="SignableVersion.V2"/> impose nothing.</param>
    /// <returns>The verified facts.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="keys"/> is null.</exception>
    /// <exception cref="LucairnValidationException"><paramref name="minimumSignableVersion"/> is not a defined value.</exception>
    /// <exception cref="LucairnCertificateException">Verification failed; see <see cref="LucairnCertificateException.Reason"/>.</exception>
    public static VerifyCertificateResult Verify(JToken? certificate, VerifyCertificateKeys keys, SignableVersion? minimumSignableVersion)
    {
        return Observed(certificate, keys, minimumSignableVersion, static token => CertificateReader.Read(token));
    }

    /// <summary>Verifies a parsed certificate (its raw JSON values are what is checked).</summary>
    /// <param name="certificate">The certificate; null is <c>malformed</c>.</param>
    /// <param name="keys">The expected witness key id and public key.</param>
    /// <returns>The verified facts.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="keys"/> is null.</exception>
    /// <exception cref="LucairnCertificateException">Verification failed; see <see cref="LucairnCertificateException.Reason"/>.</exception>
    public static VerifyCertificateResult Verify(VeilCertificate? certificate, VerifyCertificateKeys keys) =>
        Verify(certificate, keys, minimumSignableVersion: null);

    /// <summary>Verifies a parsed certificate, optionally requiring the v3 signable.</summary>
    /// <param name="certificate">The certificate; null is <c>malformed</c>.</param>
    /// <param name="keys">The expected witness key id and public key.</param>
    /// <param name="minimumSignableVersion"><see cref="SignableVersion.V3"/> to reject certificates that verify only as v2; null or <see cref="SignableVersion.V2"/> impose nothing.</param>
    /// <returns>The verified facts.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="keys"/> is null.</exception>
    /// <exception cref="LucairnValidationException"><paramref name="minimumSignableVersion"/> is not a defined value.</exception>
    /// <exception cref="LucairnCertificateException">Verification failed; see <see cref="LucairnCertificateException.Reason"/>.</exception>
    public static VerifyCertificateResult Verify(VeilCertificate? certificate, VerifyCertificateKeys keys, SignableVersion? minimumSignableVersion)
    {
        return Observed(certificate, keys, minimumSignableVersion, static parsed => parsed?.Fields ?? throw CertificateFailure.Malformed("the certificate is null.", certificateId: null));
    }

    /// <summary>Checks the arguments, reads the fields and verifies them inside a <c>Lucairn.VerifyCertificate</c> span (free when nothing listens).</summary>
    private static VerifyCertificateResult Observed<TInput>(TInput input, VerifyCertificateKeys keys, SignableVersion? minimumSignableVersion, Func<TInput, CertificateFields> read)
    {
        using Shared.Telemetry.VerificationScope? span = LucairnTelemetry.Instance.StartVerification("Lucairn.VerifyCertificate", "certificate");
        try
        {
            CheckArguments(keys, minimumSignableVersion);
            VerifyCertificateResult result = Run(read(input), keys, minimumSignableVersion);
            span?.Complete(valid: true, reason: null);
            return result;
        }
        catch (Exception ex) when (LucairnTelemetry.FailVerification(span, ex))
        {
            throw;
        }
    }

    private static void CheckArguments(VerifyCertificateKeys keys, SignableVersion? minimumSignableVersion)
    {
        _ = Require.NotNull(keys, nameof(keys));
        if (minimumSignableVersion is { } version && !Enum.IsDefined(version))
        {
            throw new LucairnValidationException($"minimumSignableVersion must be SignableVersion.V2, SignableVersion.V3 or null, got {(int)version}.", nameof(minimumSignableVersion));
        }
    }

    private static VerifyCertificateResult Run(CertificateFields fields, VerifyCertificateKeys keys, SignableVersion? minimumSignableVersion)
    {
        string certificateId = fields.CertificateId;
        if (!fields.ProtocolVersionIsSupported)
        {
            throw CertificateFailure.Create(VerifyCertificateFailureReason.UnsupportedProtocolVersion, $"protocol_version {fields.ProtocolVersionText} is not supported (expected 2).", certificateId);
        }

        if (!string.Equals(fields.WitnessKeyId, keys.WitnessKeyId, StringComparison.Ordinal))
        {
            throw CertificateFailure.Create(VerifyCertificateFailureReason.WitnessMismatch, $"the certificate's witness_key_id '{fields.WitnessKeyId}' is not the expected '{keys.WitnessKeyId}'.", certificateId);
        }

        if (string.IsNullOrWhiteSpace(fields.WitnessSignature))
        {
            throw CertificateFailure.Create(VerifyCertificateFailureReason.WitnessSignatureMissing, "witness_signature is empty.", certificateId);
        }

        bool useV3 = fields.SignableProtocolVersionEmitted >= 3;
        bool hasV3Signature = !string.IsNullOrWhiteSpace(fields.SignableV3Signature);
        SignableVersion verifiedAs;
        if (useV3)
        {
            if (!hasV3Signature)
            {
                throw CertificateFailure.Create(VerifyCertificateFailureReason.VersionDowngradeDetected, $"signable_protocol_version_emitted is {fields.SignableProtocolVersionEmitted} but signable_v3_signature is missing or empty (v3 signature stripped).", certificateId);
            }

            using (var signable = new CanonicalJsonObjectWriter(LucairnCanonicalJson.Options, SignableCapacity))
            {
                Signables.WriteV3(fields, signable);
                CheckSignature(signable.Complete(), fields.SignableV3Signature!, "signable_v3_signature", keys, certificateId);
            }

            verifiedAs = SignableVersion.V3;
        }
        else
        {
            if (hasV3Signature)
            {
                throw CertificateFailure.Create(VerifyCertificateFailureReason.VersionDowngradeDetected, $"signable_v3_signature is present but signable_protocol_version_emitted is {fields.SignableProtocolVersionEmitted} (version marker stripped or lowered).", certificateId);
            }

            using (var signable = new CanonicalJsonObjectWriter(LucairnCanonicalJson.Options, SignableCapacity))
            {
                Signables.WriteV2(fields, signable);
                CheckSignature(signable.Complete(), fields.WitnessSignature, "witness_signature", keys, certificateId);
            }

            if (minimumSignableVersion == SignableVersion.V3)
            {
                throw CertificateFailure.Create(VerifyCertificateFailureReason.SignableVersionInsufficient, "the certificate verified on the v2 signable only, but v3 is required.", certificateId);
            }

            verifiedAs = SignableVersion.V2;
        }

        if (!IssuedAt.TryParse(fields.IssuedAt, out DateTimeOffset issuedAt))
        {
            throw CertificateFailure.Malformed($"issued_at '{fields.IssuedAt}' is not an RFC 3339 timestamp.", certificateId, new FormatException($"'{fields.IssuedAt}' is not an RFC 3339 timestamp."));
        }

        return new VerifyCertificateResult
        {
            CertificateId = certificateId,
            RequestId = fields.RequestId,
            WitnessKeyId = fields.WitnessKeyId,
            WitnessAssertedIssuedAt = issuedAt,
            WitnessAssertedIssuedAtIso = fields.IssuedAt,
            AnchorStatus = fields.AnchorStatus,
            OverallVerdict = fields.OverallVerdict,
            SignableVersion = verifiedAs,
        };
    }

    private static void CheckSignature(ReadOnlySpan<byte> signedBytes, string signatureText, string member, VerifyCertificateKeys keys, string certificateId)
    {
        if (!StrictBase64.TryDecode(signatureText, out byte[]? signature))
        {
            throw CertificateFailure.Create(VerifyCertificateFailureReason.InvalidSignature, $"{member} is not strict base64.", certificateId);
        }

        Ed25519PublicKey publicKey;
        try
        {
            publicKey = keys.WitnessPublicKey;
        }
        catch (CryptoFormatException ex)
        {
            throw CertificateFailure.Create(VerifyCertificateFailureReason.InvalidSignature, $"the witness public key is not usable: {ex.Message}", certificateId, ex);
        }

        if (signature.Length != Ed25519PublicKey.SignatureSize)
        {
            throw CertificateFailure.Create(VerifyCertificateFailureReason.InvalidSignature, $"{member} is {signature.Length} bytes, not {Ed25519PublicKey.SignatureSize}.", certificateId);
        }

        if (!publicKey.Verify(signedBytes, signature))
        {
            throw CertificateFailure.Create(VerifyCertificateFailureReason.InvalidSignature, $"{member} does not verify against the witness key.", certificateId);
        }
    }
}
