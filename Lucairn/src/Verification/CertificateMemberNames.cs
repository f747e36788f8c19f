using System.Text;
using System.Text.Json;

namespace Lucairn;

/// <summary>
/// Maps member names to <see cref="CertificateMember"/>s without allocating: an unescaped name
/// is matched byte for byte against a fixed table (the modelled names plus the opaque ones real
/// certificates carry), bucketed by length and first byte. Each table name also has a slot
/// below 128 so duplicates can be tracked with a bit mask. Names outside the table are decoded
/// normally. Immutable; safe across threads.
/// </summary>
internal static class CertificateMemberNames
{
    /// <summary>The number of table slots (at most 128, the width of the duplicate mask).</summary>
    internal const int SlotCount = 128;

    private static readonly string[] OpaqueNames =
    [
        "token_hash", "epoch", "encryption_enabled", "pii_entities_found", "redaction_manifest_hash", "layers_active",
        "entity_counts", "sanitization_summary", "redaction_manifest_body", "sanitized_fields_body",
        "isolation_probe", "model_used", "response_hash", "event_ids", "chain_head_hash", "previous_chain_hash",
        "chain_length", "provider", "timestamp_token", "cert_hash", "hash_algorithm", "log_index", "inclusion_proof",
        "signed_entry_timestamp", "log_url", "notary_signature", "notary_public_key_id", "checks_performed",
        "attested_at", "merkle_root", "tree_size", "log_proofs", "epsilon_consumed", "epsilon_remaining",
        "budget_utilization_pct", "reidentification_bound", "composition_method",
    ];

    private static readonly Entry[][] Buckets = BuildBuckets();

    /// <summary>Reads the current property name of <paramref name="reader"/>.</summary>
    /// <param name="reader">A reader positioned on a property name.</param>
    /// <param name="name">The name as a string (interned for table names).</param>
    /// <param name="slot">The table slot, or -1 for a name outside the table.</param>
    /// <returns>The member the name denotes.</returns>
    internal static CertificateMember Get(ref Utf8JsonReader reader, out string name, out int slot)
    {
        if (!reader.ValueIsEscaped)
        {
            ReadOnlySpan<byte> utf8 = reader.ValueSpan;
            if (utf8.Length > 0)
            {
                foreach (Entry entry in Buckets[BucketOf(utf8.Length, utf8[0])])
                {
                    if (utf8.SequenceEqual(entry.Utf8))
                    {
                        name = entry.Name;
                        slot = entry.Slot;
                        return entry.Member;
                    }
                }
            }
        }

        name = reader.GetString()!;
        return Lookup(name, out slot);
    }

    private static CertificateMember Lookup(string name, out int slot)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(name);
        if (utf8.Length > 0)
        {
            foreach (Entry entry in Buckets[BucketOf(utf8.Length, utf8[0])])
            {
                if (utf8.AsSpan().SequenceEqual(entry.Utf8))
                {
                    slot = entry.Slot;
                    return entry.Member;
                }
            }
        }

        slot = -1;
        return CertificateMember.Other;
    }

    private static int BucketOf(int length, byte first) => ((length * 31) + first) & 63;

    private static Entry[][] BuildBuckets()
    {
        var entries = new List<Entry>();
        foreach (CertificateMember member in Enum.GetValues<CertificateMember>().Where(m => m != CertificateMember.Other))
        {
            entries.Add(new Entry(Encoding.UTF8.GetBytes(WireName(member)), WireName(member), member, entries.Count));
        }

        foreach (string name in OpaqueNames)
        {
            entries.Add(new Entry(Encoding.UTF8.GetBytes(name), name, CertificateMember.Other, entries.Count));
        }

        if (entries.Count > SlotCount || entries.Select(e => e.Name).Distinct(StringComparer.Ordinal).Count() != entries.Count)
        {
            throw new InvalidOperationException("The certificate member table must hold at most 128 distinct names.");
        }

        var buckets = new List<Entry>[64];
        for (int i = 0; i < buckets.Length; i++)
        {
            buckets[i] = [];
        }

        foreach (Entry entry in entries)
        {
            buckets[BucketOf(entry.Utf8.Length, entry.Utf8[0])].Add(entry);
        }

        return buckets.Select(b => b.ToArray()).ToArray();
    }

    /// <summary>The snake_case wire name of a member (e.g. <c>SignableV3Signature</c> → <c>signable_v3_signature</c>).</summary>
    private static string WireName(CertificateMember member)
    {
        string pascal = member.ToString();
        var builder = new StringBuilder(pascal.Length + 8);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private readonly record struct Entry(byte[] Utf8, string Name, CertificateMember Member, int Slot);
}
