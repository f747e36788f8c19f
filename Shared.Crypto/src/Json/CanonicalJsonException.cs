namespace Shared.Crypto;

/// <summary>
/// A value cannot be written as canonical JSON (a non-integer or out-of-range number, a lone
/// surrogate, an unsupported value type, nesting too deep) or the text is not acceptable JSON.
/// <see cref="Path"/> says where.
/// </summary>
public class CanonicalJsonException : CryptoFormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="path">Where: <c>$</c> for the root, <c>.name</c> for identifier keys, <c>["key"]</c> otherwise, <c>[i]</c> for array items.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    /// <param name="isNumberPolicyViolation">Whether the value is a number the profile does not allow (a non-integer, or an integer out of range).</param>
    public CanonicalJsonException(string message, string path, Exception? innerException = null, bool isNumberPolicyViolation = false)
        : base(message, innerException)
    {
        Path = path;
        IsNumberPolicyViolation = isNumberPolicyViolation;
    }

    /// <summary>
    /// Whether the offending value is a number the profile does not allow: a non-integer, or an
    /// integer outside ±(2^53 − 1) under <see cref="CanonicalJsonOptions.SafeIntegersOnly"/>.
    /// </summary>
    public bool IsNumberPolicyViolation { get; }

    /// <summary>The JSON path of the offending value (root <c>$</c>).</summary>
    public string Path { get; }
}
