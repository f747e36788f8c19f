namespace Nomyo.Http;

/// <summary>One HTTP answer, fully read: status, body (capped) and the <c>Retry-After</c> hint.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Body">The body bytes.</param>
/// <param name="RetryAfter">The server's <c>Retry-After</c>, or null.</param>
internal sealed record HttpResult(int Status, byte[] Body, TimeSpan? RetryAfter);
