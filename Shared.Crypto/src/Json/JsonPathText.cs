using System.Text;
using Newtonsoft.Json.Linq;

namespace Shared.Crypto;

/// <summary>
/// Formats JSON paths in the syntax the vendors use: root <c>$</c>, <c>.name</c> for keys that
/// match <c>[A-Za-z_][A-Za-z0-9_]*</c>, <c>["json-escaped key"]</c> otherwise, <c>[i]</c> for
/// array items.
/// </summary>
public static class JsonPathText
{
    /// <summary>
    /// The path of <paramref name="token"/> relative to <paramref name="root"/>, computed from
    /// the token's parent chain (only called on the error path, so it costs nothing otherwise).
    /// </summary>
    /// <param name="root">The token the path is relative to.</param>
    /// <param name="token">A token inside <paramref name="root"/> (or the root itself).</param>
    /// <returns>The path text.</returns>
    public static string Of(JToken root, JToken token)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(token);
        var segments = new List<string>();
        JToken? current = token;
        while (current is not null && !ReferenceEquals(current, root))
        {
            JToken? parent = current.Parent;
            switch (parent)
            {
                case JProperty property:
                    segments.Add(Member(property.Name));
                    current = property.Parent;
                    continue;
                case JArray array:
                    segments.Add($"[{array.IndexOf(current)}]");
                    break;
            }

            current = parent;
        }

        var text = new StringBuilder("$");
        for (int i = segments.Count - 1; i >= 0; i--)
        {
            text.Append(segments[i]);
        }

        return text.ToString();
    }

    /// <summary>The path segment for an object member.</summary>
    /// <param name="name">The member name.</param>
    /// <returns>
    /// <c>.name</c> for identifier-like names, otherwise <c>["name"]</c> with the key escaped by
    /// the canonical JSON string rules (so <c>café</c> gives <c>["café"]</c>).
    /// </returns>
    public static string Member(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IsIdentifier(name) ? "." + name : "[" + Quote(name) + "]";
    }

    private static string Quote(string name)
    {
        try
        {
            return CanonicalJson.SerializeToString(new JValue(name), CanonicalJsonOptions.Default);
        }
        catch (CanonicalJsonException)
        {
            // A key with a lone surrogate cannot be canonical; still name it, escaped.
            return Newtonsoft.Json.JsonConvert.ToString(name, '"', Newtonsoft.Json.StringEscapeHandling.EscapeNonAscii);
        }
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
