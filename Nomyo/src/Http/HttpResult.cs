using Shared.Http;

namespace Nomyo.Http;

/// <summary>One HTTP answer, fully read: status, body (capped) and, for a non-200 answer, the error facts.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Body">The body bytes.</param>
/// <param name="Error">The error facts (code, request id, Retry-After, redacted body) when the status is not 200; otherwise null.</param>
internal sealed record HttpResult(int Status, byte[] Body, ApiErrorDetails? Error);
