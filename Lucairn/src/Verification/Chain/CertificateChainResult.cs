using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>
/// The graded outcome of <see cref="CertificateChainVerifier"/>: seven wire-named fields (see
/// <see cref="ChainVerdicts"/>, <see cref="ChainReasons"/>, <see cref="ChainFieldValues"/>) and
/// <see cref="Verified"/>, the values the signatures cover (null on every FAILED result).
/// </summary>
public sealed class CertificateChainResult
{
    internal CertificateChainResult(ChainStep step, string egressAttestation, string userUnredacted, string signedCertTier, string signableVersion, string requestBinding, CertificateChainVerified? verified)
        : this(step.Id, step.Verdict, step.Reason, egressAttestation, userUnredacted, signedCertTier, signableVersion, requestBinding, verified)
    {
    }

    internal CertificateChainResult(string step, string verdict, string reason, string egressAttestation, string userUnredacted, string signedCertTier, string signableVersion, string requestBinding, CertificateChainVerified? verified)
    {
        Step = step;
        Verdict = verdict;
        Reason = reason;
        EgressAttestation = egressAttestation;
        UserUnredacted = userUnredacted;
        SignedCertTier = signedCertTier;
        SignableVersion = signableVersion;
        RequestBinding = requestBinding;
        Verified = verified;
    }

    /// <summary><c>verdict</c>: FAILED, PARTIAL, EGRESS_UNATTESTED or VERIFIED.</summary>
    public string Verdict { get; }

    /// <summary><c>reason</c>: why (see <see cref="ChainReasons"/>).</summary>
    public string Reason { get; }

    /// <summary><c>egress_attestation</c>: signed_digests, unattested or not_evaluated.</summary>
    public string EgressAttestation { get; }

    /// <summary><c>user_unredacted</c>: "true", "false" or "unknown" (strings).</summary>
    public string UserUnredacted { get; }

    /// <summary><c>signed_cert_tier</c>: absent, input_shield, input_shield_two_signer, audit_only, inconsistent or not_evaluated.</summary>
    public string SignedCertTier { get; }

    /// <summary><c>signable_version</c>: v2, v3 or none.</summary>
    public string SignableVersion { get; }

    /// <summary><c>request_binding</c>: matched, not_checked or not_evaluated.</summary>
    public string RequestBinding { get; }

    /// <summary><c>verified</c>: the signed values; null on every FAILED result.</summary>
    public CertificateChainVerified? Verified { get; }

    /// <summary>The recipe step that decided (<c>1</c> … <c>9e</c>), for diagnostics.</summary>
    public string Step { get; }

    /// <summary>Whether the verdict is at least <paramref name="minimum"/> (e.g. <see cref="ChainVerdicts.Verified"/>).</summary>
    /// <param name="minimum">A verdict wire name.</param>
    /// <returns>True when this verdict ranks at or above it.</returns>
    /// <exception cref="ArgumentException"><paramref name="minimum"/> is not a verdict.</exception>
    public bool Reaches(string minimum)
    {
        int rank = ChainVerdicts.Rank(minimum);
        if (rank < 0)
        {
            throw new ArgumentException($"'{minimum}' is not a chain verdict (expected FAILED, PARTIAL, EGRESS_UNATTESTED or VERIFIED).", nameof(minimum));
        }

        return ChainVerdicts.Rank(Verdict) >= rank;
    }

    /// <summary>The result as JSON in upstream field order (verdict, reason, egress_attestation, user_unredacted, signed_cert_tier, signable_version, request_binding, verified).</summary>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(bool indented = false)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = indented ? Formatting.Indented : Formatting.None })
        {
            writer.WriteStartObject();
            Write(writer, "verdict", Verdict);
            Write(writer, "reason", Reason);
            Write(writer, "egress_attestation", EgressAttestation);
            Write(writer, "user_unredacted", UserUnredacted);
            Write(writer, "signed_cert_tier", SignedCertTier);
            Write(writer, "signable_version", SignableVersion);
            Write(writer, "request_binding", RequestBinding);
            writer.WritePropertyName("verified");
            if (Verified is null)
            {
                writer.WriteNull();
            }
            else
            {
                WriteVerified(writer, Verified);
            }

            writer.WriteEndObject();
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Verdict} ({Reason})";

    private static void Write(JsonWriter writer, string name, string value)
    {
        writer.WritePropertyName(name);
        writer.WriteValue(value);
    }

    private static void WriteVerified(JsonWriter writer, CertificateChainVerified verified)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("certificate");
        writer.WriteStartObject();
        foreach (KeyValuePair<string, JToken> pair in verified.CertificateOrder)
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }

        writer.WriteEndObject();
        writer.WritePropertyName("claims");
        writer.WriteStartObject();
        foreach (KeyValuePair<string, CertificateChainVerifiedClaim> claim in verified.Claims)
        {
            writer.WritePropertyName(claim.Key);
            writer.WriteStartObject();
            Write(writer, "canonical", claim.Value.Canonical);
            writer.WritePropertyName("values");
            writer.WriteStartObject();
            foreach (KeyValuePair<string, JValue> value in claim.Value.VerifiedValues)
            {
                writer.WritePropertyName(value.Key);
                value.Value.WriteTo(writer);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
