namespace Lucairn;

/// <summary>
/// A pinned certificate-chain key was refused when the keys were loaded (lucairn-chain spec §3).
/// <see cref="Code"/> says which rule (<c>key_malformed</c>, <c>key_small_order</c>,
/// <c>key_invalid_point</c>, <c>key_test_key</c>), <see cref="Key"/> which key (<c>witness</c> or the
/// service id). Never raised for a bad certificate: that is a FAILED result.
/// </summary>
public class LucairnPinnedKeyException : LucairnValidationException
{
    /// <summary>The key is not the canonical padded base64 of exactly 32 bytes.</summary>
    public const string KeyMalformed = "key_malformed";

    /// <summary>The key is one of the 14 small-order encodings.</summary>
    public const string KeySmallOrder = "key_small_order";

    /// <summary>The key is not a canonical curve point.</summary>
    public const string KeyInvalidPoint = "key_invalid_point";

    /// <summary>The key is a public parity-corpus test key and test keys are not allowed.</summary>
    public const string KeyTestKey = "key_test_key";

    /// <summary>Creates the exception.</summary>
    /// <param name="code">The rule the key broke.</param>
    /// <param name="key"><c>witness</c> or the service id.</param>
    /// <param name="message">What was wrong.</param>
    public LucairnPinnedKeyException(string code, string key, string message) : base(message, ParamNameOf(key))
    {
        Code = code;
        Key = key;
    }

    /// <summary>The rule the key broke (one of the <c>Key…</c> constants).</summary>
    public string Code { get; }

    /// <summary><c>witness</c> or the service id of the refused key.</summary>
    public string Key { get; }

    /// <summary>The option that holds the key: <c>CertificateChainKeys.WitnessPublicKey</c> or <c>CertificateChainKeys.ServicePublicKeys</c>.</summary>
    internal static string ParamNameOf(string? key) =>
        key == "witness" ? "CertificateChainKeys.WitnessPublicKey" : "CertificateChainKeys.ServicePublicKeys";
}
