using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Lucairn;

/// <summary>
/// The chain recipe (lucairn-chain spec §6), steps 1–9 in order; the first failing step decides.
/// Every decision goes through <see cref="ChainSteps"/>. Steps 7i, 8a–8c and 8d live in
/// <see cref="ChainTypedPayload"/>, <see cref="ChainEgress"/> and <see cref="ChainCertTier"/>.
/// </summary>
internal static class ChainRun
{
    /// <summary>The largest certificate accepted, in bytes (checked before anything else).</summary>
    internal const int MaxInputBytes = 32 << 20;

    /// <summary>The bound on the UTF-8 bytes of every JSON Pointer in every claim's <c>values</c>.</summary>
    internal const long MaxValuesPointerBytes = 64L << 20;

    internal const string SanitizerService = "dsa-sanitizer";
    internal const string StreamingSanitizerService = "dsa-sanitizer-streaming";
    internal const string UserUnredactedToken = "user_unredacted_segment";

    internal static CertificateChainResult Run(ReadOnlySpan<byte> certificate, LoadedChainKeys keys)
    {
        // 1. Shape.
        if (certificate.Length > MaxInputBytes)
        {
            return Fail("1");
        }

        StrictJsonNode? root = StrictJsonReader.TryParse(certificate, out _, out bool caseVariantKey);
        if (root is null || !root.IsObject || caseVariantKey)
        {
            return Fail("1");
        }

        string? certificateId = root.GetString("certificate_id");
        string? requestId = root.GetString("request_id");
        string? witnessKeyId = root.GetString("witness_key_id");
        string? issuedAt = root.GetString("issued_at");
        StrictJsonNode? claimsNode = root.Get("claims");
        StrictJsonNode? verification = root.Get("verification");
        if (certificateId is null || requestId is null || witnessKeyId is null || issuedAt is null
            || claimsNode is not { IsArray: true } || claimsNode.Items!.Count == 0 || verification is not { IsObject: true }
            || !ChainValues.TryInteger(root.Get("protocol_version"), uint.MaxValue, out ulong protocolVersion))
        {
            return Fail("1");
        }

        string? sealedVerdict = verification.GetString("overall_verdict");
        StrictJsonNode? byokNode = verification.Get("byok_exempt");
        StrictJsonNode? emittedNode = root.Get("signable_protocol_version_emitted");
        ulong emitted = 0;
        if (sealedVerdict is null
            || !ChainValues.TryOptionalString(verification.Get("cert_tier"), out string unsignedTier)
            || !(StrictJsonNode.IsNullish(byokNode) || byokNode!.IsBoolean)
            || !(StrictJsonNode.IsNullish(emittedNode) || ChainValues.TryInteger(emittedNode, int.MaxValue, out emitted))
            || !ChainValues.TryOptionalString(root.Get("signable_v3_signature"), out string v3Signature)
            || !ChainValues.TryOptionalString(root.Get("witness_signature"), out _)
            || !ChainValues.TryOptionalString(root.Get("client_id"), out _)
            || !ChainValues.TryOptionalString(root.Get("api_key_id"), out _))
        {
            return Fail("1");
        }

        bool byokExempt = byokNode?.Kind == StrictJsonKind.True;
        List<StrictJsonNode> claims = claimsNode.Items!;
        var claimIds = new List<string>(claims.Count);
        foreach (StrictJsonNode claim in claims)
        {
            string? claimId = claim.IsObject ? claim.GetString("claim_id") : null;
            if (claimId is null || claim.GetString("service_id") is null)
            {
                return Fail("1");
            }

            claimIds.Add(claimId);
        }

        // 2. Protocol version.
        if (protocolVersion != 2)
        {
            return Fail("2");
        }

        // 3. Witness identity.
        if (!string.Equals(witnessKeyId, keys.WitnessKeyId, StringComparison.Ordinal))
        {
            return Fail("3");
        }

        // 4. Signable-version tri-state.
        bool v3Present = ChainValues.TrimSpace(v3Signature).Length > 0;
        if ((emitted >= 3) != v3Present)
        {
            return Fail("4");
        }

        // 5a. issued_at.
        if (!ChainIssuedAt.TryNormalize(issuedAt, out string issuedUtc))
        {
            return Fail("5a");
        }

        // 5b. The v2 witness signature.
        var claimIdArray = new JArray();
        foreach (string claimId in claimIds)
        {
            claimIdArray.Add(claimId);
        }

        string shortVerdict = sealedVerdict.StartsWith("VERDICT_", StringComparison.Ordinal) ? sealedVerdict["VERDICT_".Length..] : sealedVerdict;
        var signable = new List<KeyValuePair<string, JToken>>
        {
            new("certificate_id", certificateId),
            new("claim_ids", claimIdArray),
            new("issued_at", issuedUtc),
            new("overall_verdict", shortVerdict),
            new("protocol_version", new JValue(2L)),
            new("request_id", requestId),
            new("witness_key_id", witnessKeyId),
        };
        if (!ChainValues.TryBase64(root.Get("witness_signature"), out byte[] witnessSignature) || witnessSignature.Length == 0
            || !keys.Witness.VerifyStrict(CanonicalLexeme.WriteScratch(SignableNode(signable)), witnessSignature))
        {
            return Fail("5b");
        }

        // 5c. The v3 witness signature.
        string signableVersion = ChainFieldValues.V2;
        SanitizerClaim sanitizerClaim = default;
        if (v3Present)
        {
            sanitizerClaim = SanitizerPayload(claims);
            StrictJsonNode? sanitizerPayload = sanitizerClaim.Payload;
            var v3 = new List<KeyValuePair<string, JToken>>(signable)
            {
                new("client_id", RawStringOrNull(root.Get("client_id"))),
                new("api_key_id", RawStringOrNull(root.Get("api_key_id"))),
                new("byok_exempt", new JValue(byokExempt)),
                new("redaction_manifest_hash", SanitizerHash(sanitizerPayload, "redaction_manifest_hash")),
                new("sanitized_fields_body_hash", SanitizerHash(sanitizerPayload, "sanitized_fields_hash")),
                new("tms_manifest_hash", SanitizerHash(sanitizerPayload, "tms_manifest_hash")),
            };
            v3.Sort((a, b) => CodePoints.Compare(a.Key, b.Key));
            if (!StrictBase64.TryDecode(v3Signature, out byte[]? v3Bytes) || !keys.Witness.VerifyStrict(CanonicalLexeme.WriteScratch(SignableNode(v3)), v3Bytes))
            {
                return Fail("5c");
            }

            signableVersion = ChainFieldValues.V3;
            signable = v3;
        }

        // 5d. Policy.
        if (keys.MinimumV3 && signableVersion != ChainFieldValues.V3)
        {
            return Fail("5d");
        }

        // 5e. Request binding against the witness-signed values.
        string binding = ChainFieldValues.NotChecked;
        if (keys.ExpectedRequestId is not null || keys.ExpectedCertificateId is not null)
        {
            if ((keys.ExpectedRequestId is not null && !string.Equals(keys.ExpectedRequestId, requestId, StringComparison.Ordinal))
                || (keys.ExpectedCertificateId is not null && !string.Equals(keys.ExpectedCertificateId, certificateId, StringComparison.Ordinal)))
            {
                return Fail("5e");
            }

            binding = ChainFieldValues.Matched;
        }

        // 6. Sealed verdict and claim-id uniqueness.
        if (sealedVerdict == "VERDICT_FAILED")
        {
            return Fail("6a");
        }

        if (sealedVerdict is not ("VERDICT_VERIFIED" or "VERDICT_PARTIAL"))
        {
            return Fail("6b");
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (string claimId in claimIds)
        {
            if (!listed.Add(claimId))
            {
                return Fail("6c");
            }
        }

        // 7. Every claim, in array order.
        var signedPayloads = new StrictJsonNode[claims.Count];
        var verifiedClaims = new Dictionary<string, CertificateChainVerifiedClaim>(claims.Count, StringComparer.Ordinal);
        long valuesBytes = 0;
        for (int i = 0; i < claims.Count; i++)
        {
            StrictJsonNode claim = claims[i];
            string serviceId = claim.GetString("service_id")!;

            // 7a.
            if (!keys.Services.TryGetValue(serviceId, out Ed25519PublicKey? serviceKey))
            {
                return Fail("7a");
            }

            // 7b. (The sanitizer claim 5c already decoded and parsed is not decoded or parsed again: same node, same bytes, same tree.)
            bool reuse = sanitizerClaim.Outer is not null && sanitizerClaim.Index == i;
            byte[] signedBytes = reuse ? sanitizerClaim.Bytes! : [];
            if ((!reuse && !ChainValues.TryBase64(claim.Get("canonical_payload"), out signedBytes))
                || !ChainValues.TryBase64(claim.Get("signature"), out byte[] signature))
            {
                return Fail("7b");
            }

            // 7c / 7d.
            if (!serviceKey.VerifyStrict(signedBytes, signature))
            {
                foreach (KeyValuePair<string, Ed25519PublicKey> other in keys.Services)
                {
                    if (other.Key != serviceId && other.Value.VerifyStrict(signedBytes, signature))
                    {
                        return Fail("7c");
                    }
                }

                return Fail("7d");
            }

            // 7e. One strict object, the case-variant key rule, the running values bound.
            bool signedVariantKey = reuse && sanitizerClaim.CaseVariantKey;
            StrictJsonNode? signed = reuse ? sanitizerClaim.Outer : StrictJsonReader.TryParse(signedBytes, out _, out signedVariantKey);
            if (signed is not { IsObject: true } || signedVariantKey)
            {
                return Fail("7e");
            }

            valuesBytes += ChainPointers.CountBytes(signed, MaxValuesPointerBytes - valuesBytes + 1);
            if (valuesBytes > MaxValuesPointerBytes)
            {
                return Fail("7e");
            }

            // 7f.
            string? signedClaimId = signed.GetString("claim_id");
            if (signedClaimId is null || !listed.Contains(signedClaimId))
            {
                return Fail("7f");
            }

            // 7g.
            string claimType = ShortClaimType(claim.GetString("claim_type"));
            if (!ChainValues.TryStringList(claim.Get("data_seen"), out List<string> dataSeen)
                || !ChainValues.TryStringList(claim.Get("data_not_seen"), out List<string> dataNotSeen)
                || !ChainValues.TryOptionalString(claim.Get("request_id"), out string outerRequestId))
            {
                return Fail("7g");
            }

            StrictJsonNode rebuilt = StrictJsonNode.NewObject();
            rebuilt.Members!.Add(new("claim_id", claim.Get("claim_id")!));
            rebuilt.Members.Add(new("request_id", StrictJsonNode.String(outerRequestId)));
            rebuilt.Members.Add(new("service_id", StrictJsonNode.String(serviceId)));
            rebuilt.Members.Add(new("claim_type", StrictJsonNode.String(claimType)));
            rebuilt.Members.Add(new("data_seen", StringArray(dataSeen)));
            rebuilt.Members.Add(new("data_not_seen", StringArray(dataNotSeen)));
            rebuilt.Members.Add(new("payload", signed.Get("payload") ?? StrictJsonNode.NullValue));
            rebuilt.Members.Add(new("timestamp", signed.Get("timestamp") ?? StrictJsonNode.NullValue));
            if (!CanonicalLexeme.Matches(rebuilt, signedBytes))
            {
                return Fail("7g");
            }

            // 7h.
            if (signed.Get("request_id") is not { IsString: true } signedRequest || !string.Equals(signedRequest.Text, requestId, StringComparison.Ordinal))
            {
                return Fail("7h");
            }

            // 7i.
            StrictJsonNode payload = signed.Get("payload") is { IsObject: true } p ? p : StrictJsonNode.NewObject();
            if (!ChainTypedPayload.Matches(claim, claimType, payload))
            {
                return Fail("7i");
            }

            signedPayloads[i] = payload;
            string key = string.Create(CultureInfo.InvariantCulture, $"{i}:{serviceId}:{claimType}");
            verifiedClaims[key] = new CertificateChainVerifiedClaim(signedBytes, signed);
        }

        // 8a–8c. Egress digests and stored bodies.
        string? egressStep = ChainEgress.Check(claims, signedPayloads, out bool hasDigests);
        if (egressStep is not null)
        {
            return Fail(egressStep);
        }

        // 8d. cert_tier against the signed copies.
        if (!ChainCertTier.Check(claims, signedPayloads, unsignedTier, sealedVerdict, out string signedTier, out bool tierCap))
        {
            return Fail("8d");
        }

        // 9. Ceilings.
        string egress = hasDigests ? ChainFieldValues.SignedDigests : ChainFieldValues.Unattested;
        string userUnredacted = ChainFieldValues.False;
        for (int i = 0; i < claims.Count; i++)
        {
            string serviceId = claims[i].GetString("service_id")!;
            if (serviceId is SanitizerService or StreamingSanitizerService && signedPayloads[i].Get("layers_active") is { Items: { } layers }
                && layers.Exists(layer => layer.IsString && layer.Text == UserUnredactedToken))
            {
                userUnredacted = ChainFieldValues.True;
            }
        }

        var verified = new CertificateChainVerified(signable, verifiedClaims);
        string decided = Array.Exists(signedPayloads, payload => payload.Has("inference_outcome")) ? "9a"
            : userUnredacted == ChainFieldValues.True ? "9b"
            : sealedVerdict == "VERDICT_PARTIAL" ? "9c"
            : egress == ChainFieldValues.Unattested || tierCap ? "9d"
            : "9e";
        return new CertificateChainResult(ChainSteps.Get(decided), egress, userUnredacted, signedTier, signableVersion, binding, verified);
    }

    /// <summary>A FAILED result with every field not evaluated.</summary>
    internal static CertificateChainResult Fail(string stepId) => new(
        ChainSteps.Get(stepId),
        ChainFieldValues.NotEvaluated,
        ChainFieldValues.Unknown,
        ChainFieldValues.NotEvaluated,
        ChainFieldValues.None,
        ChainFieldValues.NotEvaluated,
        verified: null);

    private static string ShortClaimType(string? claimType) => claimType switch
    {
        "CLAIM_TYPE_TOKEN_GENERATED" => "TOKEN_GENERATED",
        "CLAIM_TYPE_PII_SANITIZED" => "PII_SANITIZED",
        "CLAIM_TYPE_INFERENCE_COMPLETED" => "INFERENCE_COMPLETED",
        "CLAIM_TYPE_EVENTS_RECORDED" => "EVENTS_RECORDED",
        _ => string.Empty,
    };

    private static StrictJsonNode StringArray(List<string> values)
    {
        StrictJsonNode array = StrictJsonNode.NewArray();
        foreach (string value in values)
        {
            array.Items!.Add(StrictJsonNode.String(value));
        }

        return array;
    }

    private static JToken RawStringOrNull(StrictJsonNode? node) => node is { IsString: true } ? new JValue(node.Text) : JValue.CreateNull();

    /// <summary>A signable map as a tree (written canonically: keys sorted by code point).</summary>
    private static StrictJsonNode SignableNode(List<KeyValuePair<string, JToken>> map)
    {
        var members = new List<KeyValuePair<string, StrictJsonNode>>(map.Count);
        foreach (KeyValuePair<string, JToken> pair in map)
        {
            members.Add(new(pair.Key, ToNode(pair.Value)));
        }

        return StrictJsonNode.Object(members);
    }

    private static StrictJsonNode ToNode(JToken token) => token switch
    {
        JArray array => StringArray(array.Select(item => (string)item!).ToList()),
        JValue { Type: JTokenType.String } value => StrictJsonNode.String((string)value!),
        JValue { Type: JTokenType.Boolean } value => StrictJsonNode.Boolean((bool)value),
        JValue { Type: JTokenType.Integer } value => StrictJsonNode.Number(Convert.ToString(value.Value, CultureInfo.InvariantCulture)!),
        _ => StrictJsonNode.NullValue,
    };

    /// <summary>
    /// Step 5c: the object the three sanitizer hashes are read from: the first dsa-sanitizer
    /// claim's decoded canonical_payload → <c>payload</c> (or the top object when it has no
    /// <c>payload</c> object); no payload when there is no such claim or its bytes do not decode
    /// or parse to an object (every hash is then null). Decoded and parsed once for all three,
    /// and kept (with the claim index) so step 7 does not decode and parse that claim again.
    /// </summary>
    private static SanitizerClaim SanitizerPayload(List<StrictJsonNode> claims)
    {
        for (int i = 0; i < claims.Count; i++)
        {
            StrictJsonNode claim = claims[i];
            if (claim.GetString("service_id") != SanitizerService)
            {
                continue;
            }

            if (!ChainValues.TryBase64(claim.Get("canonical_payload"), out byte[] bytes) || bytes.Length == 0
                || StrictJsonReader.TryParse(bytes, out _, out bool caseVariantKey) is not { IsObject: true } outer)
            {
                return default;
            }

            return new SanitizerClaim(i, bytes, outer, caseVariantKey, outer.Get("payload") is { IsObject: true } payload ? payload : outer);
        }

        return default;
    }

    /// <summary>The first sanitizer claim's decoded bytes and strict tree (step 5c), reused by step 7; <see cref="Outer"/> null when there is none.</summary>
    private readonly record struct SanitizerClaim(int Index, byte[]? Bytes, StrictJsonNode? Outer, bool CaseVariantKey, StrictJsonNode? Payload);

    /// <summary>Step 5c: one sanitizer hash, a non-empty string, else null.</summary>
    private static JToken SanitizerHash(StrictJsonNode? payload, string key) =>
        payload?.GetString(key) is { Length: > 0 } hash ? new JValue(hash) : JValue.CreateNull();
}
