using System.Text;

namespace Lucairn;

/// <summary>
/// The case-variant key rule (lucairn-chain spec §5): a key anywhere in the certificate or in
/// signed claim bytes that is not one of the recipe's own keys but folds to one of them, or to
/// its protobuf-JSON camelCase name, is refused (<c>BYOK_EXEMPT</c>, <c>byokExempt</c>, a Kelvin
/// sign for <c>k</c> …), even when the real key is absent. Folding: ASCII A–Z to lower case,
/// U+212A KELVIN SIGN → <c>k</c>, U+017F LATIN SMALL LETTER LONG S → <c>s</c>.
/// </summary>
internal static class CaseVariantKeys
{
    /// <summary>The keys the recipe reads, in the certificate or in the signed bytes (the upstream list).</summary>
    internal static readonly string[] RecipeKeys =
    [
        // certificate
        "certificate_id", "request_id", "witness_key_id", "issued_at", "protocol_version", "claims",
        "verification", "signable_protocol_version_emitted", "witness_signature", "signable_v3_signature",
        "client_id", "api_key_id",

        // verification
        "overall_verdict", "cert_tier", "byok_exempt",

        // claims[]
        "claim_id", "service_id", "claim_type", "canonical_payload", "signature", "data_seen", "data_not_seen",
        "bridge", "sanitizer", "inference", "audit",

        // typed objects
        "isolation_probe", "model_used", "response_hash", "upstream_request_bodies",
        "pii_entities_found", "layers_active", "qi_score",
        "k_anonymity", "l_diversity", "risk_score", "threshold", "verdict", "fields_generalized",
        "token_hash", "encryption_enabled", "chain_head_hash", "chain_length",

        // signed bytes
        "payload", "timestamp", "upstream_body_sha256", "inference_outcome",
        "redaction_manifest_hash", "sanitized_fields_hash", "tms_manifest_hash",
    ];

    private static readonly HashSet<string> Keys = new(RecipeKeys, StringComparer.Ordinal);

    private static readonly HashSet<string> Folded = BuildFolded();

    /// <summary>Whether any key in the tree breaks the rule (iterative walk).</summary>
    internal static bool Any(StrictJsonNode root)
    {
        var pending = new Stack<StrictJsonNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            StrictJsonNode node = pending.Pop();
            if (node.Members is { } members)
            {
                foreach (KeyValuePair<string, StrictJsonNode> member in members)
                {
                    if (IsVariant(member.Key))
                    {
                        return true;
                    }

                    Push(pending, member.Value);
                }
            }
            else if (node.Items is { } items)
            {
                foreach (StrictJsonNode item in items)
                {
                    Push(pending, item);
                }
            }
        }

        return false;
    }

    /// <summary>Whether one key is a variant of a recipe key without being one.</summary>
    internal static bool IsVariant(string key) => !Keys.Contains(key) && Folded.Contains(Fold(key));

    /// <summary>The protobuf JSON name: every <c>_</c> dropped and a following a–z upper-cased.</summary>
    internal static string ProtoJsonName(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool under = false;
        foreach (char c in name)
        {
            if (c != '_')
            {
                builder.Append(under && c is >= 'a' and <= 'z' ? (char)(c - 32) : c);
            }

            under = c == '_';
        }

        return builder.ToString();
    }

    /// <summary>ASCII A–Z lower-cased, U+212A → k, U+017F → s; everything else unchanged.</summary>
    internal static string Fold(string key)
    {
        bool changes = false;
        foreach (char c in key)
        {
            if (c is (>= 'A' and <= 'Z') or '\u212A' or '\u017F')
            {
                changes = true;
                break;
            }
        }

        if (!changes)
        {
            return key;
        }

        return string.Create(key.Length, key, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                char c = source[i];
                span[i] = c switch
                {
                    >= 'A' and <= 'Z' => (char)(c + 32),
                    '\u212A' => 'k',
                    '\u017F' => 's',
                    _ => c,
                };
            }
        });
    }

    private static void Push(Stack<StrictJsonNode> pending, StrictJsonNode node)
    {
        if (node.Kind is StrictJsonKind.Object or StrictJsonKind.Array)
        {
            pending.Push(node);
        }
    }

    private static HashSet<string> BuildFolded()
    {
        var folded = new HashSet<string>(StringComparer.Ordinal);
        foreach (string key in RecipeKeys)
        {
            folded.Add(Fold(key));
            folded.Add(Fold(ProtoJsonName(key)));
        }

        return folded;
    }
}
