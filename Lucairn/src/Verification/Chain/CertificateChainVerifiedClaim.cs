using System.Text;
using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>
/// One claim whose signature verified: the signed bytes and the values they carry. Both views
/// are built from the verified bytes on first use (a verifier that only needs the verdict does
/// not pay for them); thread-safe.
/// </summary>
public sealed class CertificateChainVerifiedClaim
{
    private readonly Lazy<string> _canonical;
    private readonly Lazy<CopyingJsonMap<JValue>> _values;

    internal CertificateChainVerifiedClaim(byte[] signedBytes, StrictJsonNode signed)
    {
        _canonical = new Lazy<string>(() => Encoding.UTF8.GetString(signedBytes), LazyThreadSafetyMode.ExecutionAndPublication);
        _values = new Lazy<CopyingJsonMap<JValue>>(() => new CopyingJsonMap<JValue>(ChainPointers.Flatten(signed)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    internal CertificateChainVerifiedClaim(string canonical, IReadOnlyDictionary<string, JValue> values)
    {
        _canonical = new Lazy<string>(canonical);
        _values = new Lazy<CopyingJsonMap<JValue>>(new CopyingJsonMap<JValue>(values));
    }

    /// <summary>The signed canonical bytes as a string, exactly.</summary>
    public string Canonical => _canonical.Value;

    /// <summary>
    /// Every string, boolean and non-negative integer-token leaf of the signed document by RFC 6901
    /// JSON Pointer (integers up to 2^64−1, exact). Null, floats, negatives, exponent forms and
    /// empty containers have no entry (they are still in <see cref="Canonical"/>). Every read hands
    /// out a copy of the value: changing it changes nothing here.
    /// </summary>
    public IReadOnlyDictionary<string, JValue> Values => _values.Value;

    /// <summary>The values as verified, not copied (for <see cref="CertificateChainResult.ToJson"/>).</summary>
    internal IReadOnlyDictionary<string, JValue> VerifiedValues => _values.Value.Verified;
}
