using Newtonsoft.Json;

namespace Lucairn;

/// <summary>
/// The member names of a certificate, shared by every <see cref="CertificateReader"/> so the
/// JSON reader does not allocate a new string per member. Filled once, then only read (safe
/// across threads).
/// </summary>
internal static class CertificateMemberNames
{
    internal static readonly JsonNameTable Table = Create();

    private static DefaultJsonNameTable Create()
    {
        var table = new DefaultJsonNameTable();
        string[] names =
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
        ];
        foreach (string name in names)
        {
            table.Add(name);
        }

        return table;
    }
}
