using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>One claim whose signature verified: the signed bytes and the values they carry.</summary>
public sealed class CertificateChainVerifiedClaim
{
    internal CertificateChainVerifiedClaim(string canonical, IReadOnlyDictionary<string, JValue> values)
    {
        Canonical = canonical;
        Values = values;
    }

    /// <summary>The signed canonical bytes as a string, exactly.</summary>
    public string Canonical { get; }

    /// <summary>
    /// Every string, boolean and non-negative integer-token leaf of the signed document by RFC 6901
    /// JSON Pointer (integers up to 2^64−1, exact). Null, floats, negatives, exponent forms and
    /// empty containers have no entry (they are still in <see cref="Canonical"/>).
    /// </summary>
    public IReadOnlyDictionary<string, JValue> Values { get; }
}
