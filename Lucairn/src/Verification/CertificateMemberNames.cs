using System.Text;
using System.Text.Json;

namespace Lucairn;

/// <summary>
/// Turns member names into strings without allocating for the names a certificate uses: an
/// unescaped name is matched byte for byte against this fixed list (bucketed by length and
/// first byte); anything else is decoded normally. Immutable; safe across threads.
/// </summary>
internal static class CertificateMemberNames
{
    private static readonly string[] Names =
    [
        "certificate_id", "request_id", "protocol_version", "claims", "verification", "issued_at",
        "witness_signature", "witness_key_id", "attestation", "anchor_status", "client_id", "api_key_id",
        "signable_v2_signature", "signable_v3_signature", "signable_protocol_version_emitted",
        "formal_verification", "audit_integrity", "privacy_budget",
        "claim_id", "service_id", "claim_type", "data_seen", "data_not_seen", "canonical_payload", "timestamp",
        "signature", "bridge", "sanitizer", "inference", "audit",
        "signatures_valid", "completeness", "missing_services", "temporal_consistent", "data_visibility_consistent",
        "isolation_verified", "qi_score", "overall_verdict", "byok_exempt",
        "status", "attempts", "last_error", "human_note", "transparency_log", "notary",
        "token_hash", "epoch", "encryption_enabled", "pii_entities_found", "redaction_manifest_hash", "layers_active",
        "entity_counts", "sanitization_summary", "redaction_manifest_body", "sanitized_fields_body",
        "isolation_probe", "model_used", "response_hash", "event_ids", "chain_head_hash", "previous_chain_hash",
        "chain_length", "provider", "timestamp_token", "cert_hash", "hash_algorithm", "log_index", "inclusion_proof",
        "signed_entry_timestamp", "log_url", "notary_signature", "notary_public_key_id", "checks_performed",
        "attested_at", "merkle_root", "tree_size",
    ];

    private static readonly (byte[] Utf8, string Name)[][] Buckets = BuildBuckets();

    /// <summary>The current property name of <paramref name="reader"/> as a string.</summary>
    internal static string Get(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            ReadOnlySpan<byte> utf8 = reader.ValueSpan;
            if (utf8.Length > 0)
            {
                foreach ((byte[] candidate, string name) in Buckets[BucketOf(utf8.Length, utf8[0])])
                {
                    if (utf8.SequenceEqual(candidate))
                    {
                        return name;
                    }
                }
            }
        }

        return reader.GetString()!;
    }

    private static int BucketOf(int length, byte first) => ((length * 31) + first) & 63;

    private static (byte[] Utf8, string Name)[][] BuildBuckets()
    {
        var buckets = new List<(byte[], string)>[64];
        for (int i = 0; i < buckets.Length; i++)
        {
            buckets[i] = [];
        }

        foreach (string name in Names.Distinct(StringComparer.Ordinal))
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(name);
            buckets[BucketOf(utf8.Length, utf8[0])].Add((utf8, name));
        }

        return buckets.Select(b => b.ToArray()).ToArray();
    }
}
