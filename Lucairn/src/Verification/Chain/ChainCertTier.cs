namespace Lucairn;

/// <summary>
/// Step 8d: the unsigned <c>verification.cert_tier</c> label against the signed <c>cert_tier</c>
/// copies in the claim payloads (grouped by service). Reports the signed tier, whether the pair
/// passes, and whether the result is capped at EGRESS_UNATTESTED.
/// </summary>
internal static class ChainCertTier
{
    private const string InputShieldMarker = "input-shield";
    private const string AuditOnlyMarker = "audit-only";

    internal static bool Check(List<StrictJsonNode> claims, StrictJsonNode[] signedPayloads, string unsigned, string sealedVerdict, out string signedTier, out bool cap)
    {
        cap = false;
        var copies = new Dictionary<string, List<StrictJsonNode>>(StringComparer.Ordinal);
        int count = 0;
        bool markerSigned = false;
        for (int i = 0; i < claims.Count; i++)
        {
            if (signedPayloads[i].Get("cert_tier") is { } copy)
            {
                string service = claims[i].GetString("service_id")!;
                if (!copies.TryGetValue(service, out List<StrictJsonNode>? list))
                {
                    copies[service] = list = [];
                }

                list.Add(copy);
                count++;
                markerSigned |= Is(copy, AuditOnlyMarker);
            }
        }

        signedTier = count == 0 ? ChainFieldValues.TierAbsent
            : count == 2 && Single(copies, "dsa-gateway", InputShieldMarker) && Single(copies, "dsa-ai", InputShieldMarker) ? ChainFieldValues.TierInputShield
            : ChainFieldValues.TierInconsistent;

        if (unsigned == ChainFieldValues.TierInputShieldTwoSigner)
        {
            bool anyAi = claims.Exists(claim => claim.GetString("service_id") == "dsa-ai");
            bool sanitizer = claims.Exists(claim => claim.GetString("service_id") == ChainRun.SanitizerService);
            if (count == 1 && !anyAi && sanitizer && Single(copies, "dsa-gateway", InputShieldMarker))
            {
                signedTier = ChainFieldValues.TierInputShieldTwoSigner;
                return true;
            }

            return false;
        }

        if (unsigned == ChainFieldValues.TierAuditOnly || markerSigned)
        {
            if (unsigned != ChainFieldValues.TierAuditOnly)
            {
                return false;
            }

            int aiClaims = 0;
            bool marked = false;
            for (int i = 0; i < claims.Count; i++)
            {
                if (claims[i].GetString("service_id") != "dsa-ai")
                {
                    continue;
                }

                aiClaims++;
                if (Is(signedPayloads[i].Get("cert_tier"), AuditOnlyMarker) && claims[i].GetString("claim_type") == "CLAIM_TYPE_INFERENCE_COMPLETED")
                {
                    marked = true;
                }
            }

            if (count == 1 && aiClaims == 1 && marked)
            {
                signedTier = ChainFieldValues.TierAuditOnly;
                return true;
            }

            return false;
        }

        if (unsigned is not ("" or "full_chain" or "input_shield"))
        {
            return false;
        }

        if ((signedTier == ChainFieldValues.TierAbsent && unsigned is "" or "full_chain")
            || (signedTier == ChainFieldValues.TierInputShield && unsigned == "input_shield"))
        {
            return true;
        }

        if (signedTier == ChainFieldValues.TierInputShield && unsigned.Length == 0)
        {
            cap = true;
            return true;
        }

        return sealedVerdict == "VERDICT_PARTIAL";
    }

    private static bool Is(StrictJsonNode? node, string text) => node is { IsString: true } && node.Text == text;

    private static bool Single(Dictionary<string, List<StrictJsonNode>> copies, string service, string marker) =>
        copies.TryGetValue(service, out List<StrictJsonNode>? list) && list.Count == 1 && Is(list[0], marker);
}
