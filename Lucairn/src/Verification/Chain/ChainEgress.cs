namespace Lucairn;

/// <summary>
/// Steps 8a–8c: the signed egress digest list (on at most one dsa-ai INFERENCE_COMPLETED claim, a
/// non-empty list of 64-char lowercase hex), stored upstream bodies only on that claim, and each
/// stored body hashing to its signed digest.
/// </summary>
internal static class ChainEgress
{
    /// <summary>The failing step id (8a, 8b, 8c) or null when the egress evidence holds.</summary>
    internal static string? Check(List<StrictJsonNode> claims, StrictJsonNode[] signedPayloads, out bool hasDigests)
    {
        hasDigests = false;
        int digestClaim = -1;
        List<string> digests = [];
        for (int i = 0; i < claims.Count; i++)
        {
            if (claims[i].GetString("service_id") != "dsa-ai" || claims[i].GetString("claim_type") != "CLAIM_TYPE_INFERENCE_COMPLETED")
            {
                continue;
            }

            StrictJsonNode? raw = signedPayloads[i].Get("upstream_body_sha256");
            if (raw is null)
            {
                continue;
            }

            if (raw.Kind == StrictJsonKind.Null || !ChainValues.TryStringList(raw, out List<string> list) || list.Count == 0 || digestClaim >= 0
                || !list.TrueForAll(ChainValues.IsLowerHex64))
            {
                return "8a";
            }

            digestClaim = i;
            digests = list;
        }

        for (int i = 0; i < claims.Count; i++)
        {
            if (!TryBodies(claims[i], out List<StrictJsonNode>? bodies) || (bodies is { Count: > 0 } && i != digestClaim))
            {
                return "8b";
            }
        }

        if (digestClaim >= 0)
        {
            hasDigests = true;
            _ = TryBodies(claims[digestClaim], out List<StrictJsonNode>? bodies);
            if (bodies is { Count: > 0 })
            {
                if (bodies.Count != digests.Count)
                {
                    return "8c";
                }

                for (int j = 0; j < bodies.Count; j++)
                {
                    if (!ChainValues.TryBase64(bodies[j], out byte[] body) || ChainValues.Sha256Hex(body) != digests[j])
                    {
                        return "8c";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The claim's <c>inference.upstream_request_bodies</c> list (null when absent); false when it is not an array.</summary>
    private static bool TryBodies(StrictJsonNode claim, out List<StrictJsonNode>? bodies)
    {
        bodies = null;
        if (claim.Get("inference") is not { IsObject: true } inference || StrictJsonNode.IsNullish(inference.Get("upstream_request_bodies")))
        {
            return true;
        }

        bodies = inference.Get("upstream_request_bodies")!.Items;
        return bodies is not null;
    }
}
