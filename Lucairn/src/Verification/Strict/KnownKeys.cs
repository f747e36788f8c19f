using System.Text;

namespace Lucairn;

/// <summary>
/// The member names the chain documents carry (the recipe's own keys and the other keys of the
/// service certificates and claim payloads), kept as one string each so the strict reader does
/// not allocate a string per key it has seen before, and with the case-variant verdict
/// (<see cref="CaseVariantKeys.IsVariant"/>) computed once. Looked up on the raw UTF-8 bytes of
/// an unescaped key; an escaped or unknown key goes the slow way. The table only saves work: a
/// key found here is the same string, with the same verdict, as decoding it would give.
/// </summary>
internal static class KnownKeys
{
    private static readonly string[] Names =
    [
        .. CaseVariantKeys.RecipeKeys,

        // certificate and verification extras
        "signable_v2_signature", "decoder_expiry", "formal_verification", "upstream_model", "anchor_verifications",
        "completeness", "data_visibility_consistent", "isolation_verified", "l3_coverage_evidence", "canaries_planted",
        "canaries_recovered", "composed_green", "composed_reason", "drives_verdict", "fields", "fields_absent",
        "fields_failed", "fields_passed", "rollup", "l3_coverage_scope", "covered", "drives_claim", "eligible_count",
        "eligible_not_covered", "excluded", "granted", "reason", "missing_services", "signatures_valid",
        "temporal_consistent", "temporal_order_status",

        // claim payloads and typed copies
        "merkle_root", "entity_counts", "sanitization_summary", "privacy_budget", "derivation_version", "record_status",
        "upstream_auth_mode", "anchor_status", "attestation", "notary", "attested_at", "checks_performed",
        "notary_public_key_id", "notary_signature", "provider", "qualified_timestamp", "rails", "transparency_log",
        "audit_integrity", "inclusion_proof", "log_proofs", "tree_size", "epoch", "redaction_manifest_body",
        "sanitized_fields_body", "tms_manifest_body", "event_ids", "output_scan_body", "output_scan_hash",
        "previous_chain_hash", "conversation_id", "customer_id", "ephemeral", "org_id", "event_id", "merkle_tree_size",
    ];

    /// <summary>Longest name in the table; longer keys are never looked up.</summary>
    private static readonly int MaxLength;

    /// <summary>Per UTF-8 length: the names of that length with their bytes and verdicts.</summary>
    private static readonly Entry[][] ByLength = Build(out MaxLength);

    /// <summary>The shared string for these unescaped key bytes, and whether it is a case variant; false when the key is not in the table.</summary>
    internal static bool TryGet(ReadOnlySpan<byte> utf8, out string name, out bool variant)
    {
        if (utf8.Length <= MaxLength)
        {
            foreach (Entry entry in ByLength[utf8.Length])
            {
                if (utf8.SequenceEqual(entry.Utf8))
                {
                    name = entry.Name;
                    variant = entry.Variant;
                    return true;
                }
            }
        }

        name = string.Empty;
        variant = false;
        return false;
    }

    private static Entry[][] Build(out int maxLength)
    {
        var unique = new HashSet<string>(Names, StringComparer.Ordinal);
        maxLength = 0;
        foreach (string name in unique)
        {
            maxLength = Math.Max(maxLength, Encoding.UTF8.GetByteCount(name));
        }

        var buckets = new List<Entry>[maxLength + 1];
        for (int i = 0; i < buckets.Length; i++)
        {
            buckets[i] = [];
        }

        foreach (string name in unique)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(name);
            buckets[bytes.Length].Add(new Entry(bytes, name, CaseVariantKeys.IsVariant(name)));
        }

        return Array.ConvertAll(buckets, bucket => bucket.ToArray());
    }

    private sealed record Entry(byte[] Utf8, string Name, bool Variant);
}
