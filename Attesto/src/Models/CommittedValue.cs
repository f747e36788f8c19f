using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>Converts a committed value (payload or metadata) to JSON and applies the number-policy preflight.</summary>
internal static class CommittedValue
{
    /// <summary>Converts <paramref name="value"/> to a token and, with <paramref name="preflight"/>, checks the number policy.</summary>
    /// <param name="value">The caller's value.</param>
    /// <param name="field">The field name for messages (e.g. <c>payload</c>).</param>
    /// <param name="preflight">Whether to check the number policy locally.</param>
    /// <returns>A token owned by the caller of this method (a copy when the input was a token).</returns>
    /// <exception cref="AttestoUnsafeNumberException">The value breaks the number policy; the path is relative to the value.</exception>
    /// <exception cref="AttestoValidationException">The value cannot be converted.</exception>
    internal static JToken Prepare(object value, string field, bool preflight)
    {
        JToken token = value is JToken given ? given.DeepClone() : AttestoCanonicalJson.ToToken(value);
        if (preflight)
        {
            try
            {
                AttestoCanonicalJson.CheckNumberPolicy(token);
            }
            catch (AttestoUnsafeNumberException ex)
            {
                throw new AttestoUnsafeNumberException($"{field}: {ex.Message}", ex.Path, ex);
            }
        }

        return token;
    }
}
