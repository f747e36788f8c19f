namespace Attesto;

/// <summary>
/// The service does not speak the protocol this SDK sends in <c>X-Attesto-Protocol</c>
/// (HTTP 426 on a <c>/v2</c> request). Upgrade the SDK or ask the operator which protocol
/// versions the deployment supports (<see cref="Supported"/>).
/// </summary>
public class AttestoProtocolMismatchException : AttestoBadRequestException
{
    /// <summary>Creates the exception (public so tests and mocks can build one).</summary>
    /// <param name="message">What failed.</param>
    /// <param name="status">The HTTP status (426).</param>
    /// <param name="errorCode">The service's machine-readable error code, if it sent one.</param>
    /// <param name="requestId">The service's id for the request, if it sent one.</param>
    /// <param name="retryAfter">The service's <c>Retry-After</c> wait, if it sent one.</param>
    /// <param name="responseBody">The (capped, redacted) body text, if any.</param>
    /// <param name="supported">The protocol version(s) the server supports, from its <c>supported</c> field.</param>
    /// <param name="received">The protocol the server saw, from its <c>received</c> field.</param>
    /// <param name="hint">The server's upgrade hint, from its <c>hint</c> field.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public AttestoProtocolMismatchException(
        string message,
        int? status = null,
        string? errorCode = null,
        string? requestId = null,
        TimeSpan? retryAfter = null,
        string? responseBody = null,
        string? supported = null,
        string? received = null,
        string? hint = null,
        Exception? innerException = null)
        : base(message, status, errorCode, requestId, retryAfter, responseBody, innerException)
    {
        Supported = supported;
        Received = received;
        Hint = hint;
    }

    /// <summary>The protocol version(s) the server supports, as it wrote them.</summary>
    public string? Supported { get; }

    /// <summary>The protocol the server received from this SDK.</summary>
    public string? Received { get; }

    /// <summary>The server's hint on how to resolve the mismatch.</summary>
    public string? Hint { get; }
}
