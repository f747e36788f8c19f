namespace Shared.Http;

/// <summary>
/// The most response-body bytes a transport keeps: <paramref name="Success"/> for a 2xx answer,
/// <paramref name="Error"/> for anything else (an error body is only read for its detail).
/// Counted after decompression, on the bytes the caller would otherwise have to hold.
/// </summary>
/// <param name="Success">The cap for 2xx bodies.</param>
/// <param name="Error">The cap for every other status.</param>
internal sealed record BodyCaps(long Success, long Error)
{
    /// <summary>The cap for <paramref name="status"/>.</summary>
    internal long For(int status) => status is >= 200 and <= 299 ? Success : Error;
}
