namespace Attesto;

/// <summary>
/// A committed value (payload or metadata) holds a number that does not survive
/// cross-language canonicalisation: a non-integer (even <c>1.0</c>), NaN/Infinity, or an
/// integer beyond ±(2^53 − 1). Send such values as strings, e.g. <c>{"score": "0.87"}</c>.
/// Raised locally before anything is sent; <see cref="Path"/> is the JSON path of the first
/// offending value in canonical order, relative to the checked value (root <c>$</c>).
/// </summary>
public class AttestoUnsafeNumberException : AttestoValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="path">The JSON path of the offending value, e.g. <c>$.score</c>.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public AttestoUnsafeNumberException(string message, string path, Exception? innerException = null)
        : base(message, paramName: null, innerException)
    {
        Path = path;
    }

    /// <summary>The JSON path of the offending value: <c>$</c>, <c>.name</c>, <c>["key"]</c>, <c>[i]</c>.</summary>
    public string Path { get; }
}
