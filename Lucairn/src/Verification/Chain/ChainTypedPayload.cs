namespace Lucairn;

/// <summary>
/// Step 7i: the unsigned typed copy of a claim (<c>bridge</c>, <c>sanitizer</c>, <c>inference</c>
/// or <c>audit</c>) must agree with the signed payload, fit the claim type, and a named type
/// without a typed copy may not sign that type's key fields. A signed
/// <c>user_unredacted_segment</c> layer is only allowed on a claim whose typed copy is <c>sanitizer</c>.
/// </summary>
internal static class ChainTypedPayload
{
    private static readonly string[] TypedKeys = ["bridge", "sanitizer", "inference", "audit"];

    private static readonly Dictionary<string, (string Key, string[] Requires)> Kinds = new(StringComparer.Ordinal)
    {
        ["TOKEN_GENERATED"] = ("bridge", ["token_hash", "encryption_enabled"]),
        ["PII_SANITIZED"] = ("sanitizer", ["pii_entities_found", "layers_active", "qi_score"]),
        ["INFERENCE_COMPLETED"] = ("inference", ["response_hash", "isolation_probe", "model_used", "inference_outcome"]),
        ["EVENTS_RECORDED"] = ("audit", ["chain_head_hash", "chain_length"]),
    };

    private static readonly Dictionary<string, string> ProbeNames = new(StringComparer.Ordinal)
    {
        ["VERIFIED"] = "ISOLATION_PROBE_VERIFIED",
        ["BREACHED"] = "ISOLATION_PROBE_BREACHED",
        ["LOCKED"] = "ISOLATION_PROBE_LOCKED",
        ["BYOK_EXEMPT"] = "ISOLATION_PROBE_BYOK_EXEMPT",
    };

    internal static bool Matches(StrictJsonNode claim, string claimType, StrictJsonNode payload)
    {
        string present = string.Empty;
        foreach (string key in TypedKeys)
        {
            StrictJsonNode? typedCopy = claim.Get(key);
            if (StrictJsonNode.IsNullish(typedCopy))
            {
                continue;
            }

            if (!typedCopy!.IsObject || present.Length > 0)
            {
                return false;
            }

            present = key;
        }

        bool named = Kinds.TryGetValue(claimType, out (string Key, string[] Requires) kind);
        if (present.Length > 0 && (!named || present != kind.Key))
        {
            return false;
        }

        if (named && present.Length == 0 && Array.Exists(kind.Requires, payload.Has))
        {
            return false;
        }

        if (payload.Get("layers_active") is { Items: { } layers } && present != "sanitizer"
            && layers.Exists(layer => layer.IsString && layer.Text == ChainRun.UserUnredactedToken))
        {
            return false;
        }

        if (present.Length == 0)
        {
            return true;
        }

        StrictJsonNode typed = claim.Get(present)!;
        return present switch
        {
            "inference" => InferenceMatches(typed, payload),
            "sanitizer" => SanitizerMatches(typed, payload),
            "bridge" => BridgeMatches(typed, payload),
            _ => AuditMatches(typed, payload),
        };
    }

    private static bool InferenceMatches(StrictJsonNode typed, StrictJsonNode payload)
    {
        if (!ChainValues.TryOptionalString(typed.Get("isolation_probe"), out string probe))
        {
            return false;
        }

        if (probe.Length == 0)
        {
            probe = "ISOLATION_PROBE_UNKNOWN";
        }

        if (payload.Get("isolation_probe") is { IsString: true } signedProbe)
        {
            string want = ProbeNames.TryGetValue(signedProbe.Text!, out string? known) ? known : "ISOLATION_PROBE_UNKNOWN";
            if (probe != want)
            {
                return false;
            }
        }
        else if (probe is "ISOLATION_PROBE_VERIFIED" or "ISOLATION_PROBE_BYOK_EXEMPT")
        {
            return false;
        }

        if (!ChainValues.TryOptionalString(typed.Get("model_used"), out string model))
        {
            return false;
        }

        if (payload.Get("model_used") is { IsString: true } signedModel && model != signedModel.Text)
        {
            return false;
        }

        if (!ChainValues.TryBase64(typed.Get("response_hash"), out byte[] responseHash))
        {
            return false;
        }

        StrictJsonNode? signedHash = payload.Get("response_hash");
        bool signedIsString = signedHash is { IsString: true };
        return (responseHash.Length > 0) == signedIsString && (responseHash.Length == 0 || ChainValues.LowerHex(responseHash) == signedHash!.Text);
    }

    private static bool SanitizerMatches(StrictJsonNode typed, StrictJsonNode payload)
    {
        if (payload.Get("pii_entities_found") is { Kind: StrictJsonKind.Number } signedCount
            && (!ChainValues.TryInteger(signedCount, uint.MaxValue, out ulong want) || !ChainValues.TryTypedUnsigned(typed.Get("pii_entities_found"), out ulong got) || want != got))
        {
            return false;
        }

        if (!ChainValues.TryStringList(typed.Get("layers_active"), out List<string> typedLayers)
            || !ChainValues.TryStringList(payload.Get("layers_active"), out List<string> signedLayers)
            || !typedLayers.SequenceEqual(signedLayers, StringComparer.Ordinal))
        {
            return false;
        }

        return QiScoreMatches(payload.Get("qi_score"), typed.Get("qi_score"));
    }

    private static bool QiScoreMatches(StrictJsonNode? signed, StrictJsonNode? typed)
    {
        if (signed is not { IsObject: true })
        {
            return StrictJsonNode.IsNullish(typed);
        }

        if (typed is not { IsObject: true })
        {
            return false;
        }

        if (!ChainValues.TryInteger(signed.Get("k_anonymity"), uint.MaxValue, out ulong k) || !ChainValues.TryTypedUnsigned(typed.Get("k_anonymity"), out ulong typedK) || k != typedK)
        {
            return false;
        }

        foreach (string key in (string[])["l_diversity", "risk_score", "threshold"])
        {
            if (!ChainValues.TryFloat32(signed.Get(key), zeroIfAbsent: false, out float s) || !ChainValues.TryFloat32(typed.Get(key), zeroIfAbsent: true, out float t) || s != t)
            {
                return false;
            }
        }

        if (signed.Get("verdict") is not { IsString: true } signedVerdict || !ChainValues.TryOptionalString(typed.Get("verdict"), out string typedVerdict))
        {
            return false;
        }

        if (typedVerdict.Length == 0)
        {
            typedVerdict = "QI_VERDICT_UNKNOWN";
        }

        if (QiVerdict(signedVerdict.Text!) != typedVerdict)
        {
            return false;
        }

        return signed.Get("fields_generalized") is { IsArray: true } signedFields
            && ChainValues.TryStringList(signedFields, out List<string> signedList)
            && ChainValues.TryStringList(typed.Get("fields_generalized"), out List<string> typedList)
            && signedList.SequenceEqual(typedList, StringComparer.Ordinal);
    }

    private static string QiVerdict(string text) => ChainValues.AsciiUpper(ChainValues.TrimSpace(text)) switch
    {
        "PASS" => "QI_VERDICT_PASS",
        "GENERALIZED" => "QI_VERDICT_GENERALIZED",
        "BLOCKED" => "QI_VERDICT_BLOCKED",
        _ => "QI_VERDICT_UNKNOWN",
    };

    private static bool BridgeMatches(StrictJsonNode typed, StrictJsonNode payload)
    {
        if (payload.Get("encryption_enabled") is { IsBoolean: true } signedFlag)
        {
            StrictJsonNode? typedFlag = typed.Get("encryption_enabled");
            if (!StrictJsonNode.IsNullish(typedFlag) && !typedFlag!.IsBoolean)
            {
                return false;
            }

            bool got = typedFlag?.Kind == StrictJsonKind.True;
            if (got != (signedFlag.Kind == StrictJsonKind.True))
            {
                return false;
            }
        }

        return HashMatches(payload, typed, "token_hash");
    }

    private static bool AuditMatches(StrictJsonNode typed, StrictJsonNode payload)
    {
        if (!HashMatches(payload, typed, "chain_head_hash"))
        {
            return false;
        }

        return payload.Get("chain_length") is not { Kind: StrictJsonKind.Number } signedLength
            || (ChainValues.TryInteger(signedLength, ulong.MaxValue, out ulong want) && ChainValues.TryTypedUnsigned(typed.Get("chain_length"), out ulong got) && want == got);
    }

    /// <summary>A signed hex hash, when signed as a string, equals the typed base64 hash as lowercase hex.</summary>
    private static bool HashMatches(StrictJsonNode payload, StrictJsonNode typed, string key) =>
        payload.Get(key) is not { IsString: true } signed
        || (ChainValues.TryBase64(typed.Get(key), out byte[] bytes) && ChainValues.LowerHex(bytes) == signed.Text);
}
