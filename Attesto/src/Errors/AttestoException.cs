namespace Attesto;

/// <summary>
/// Base class of every error the Attesto SDK raises. <see cref="Status"/> and
/// <see cref="Detail"/> are set for errors that came from an HTTP answer and are null for
/// transport failures and local checks. Messages never contain the API key.
/// </summary>
public class AttestoException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="status">The HTTP status, or null when no answer was received.</param>
    /// <param name="detail">The server's <c>detail</c> field if present, else the (capped) body text; null without an answer.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public AttestoException(string message, int? status = null, string? detail = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        Detail = detail;
    }

    /// <summary>The HTTP status, or null for transport failures and local checks.</summary>
    public int? Status { get; }

    /// <summary>The server's error detail, or null for transport failures and local checks.</summary>
    public string? Detail { get; }
}
