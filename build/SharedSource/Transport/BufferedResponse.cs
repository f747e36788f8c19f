namespace Shared.Http;

/// <summary>
/// A response whose body was read (within the cap) and detached from the connection: the status,
/// reason phrase and headers of the network answer, the kept bytes as its content, and whether
/// the body was longer than the cap. Refit and the vendor mapping only ever see this type, so
/// nothing above the transport can buffer more than the cap.
/// </summary>
internal sealed class BufferedResponse : HttpResponseMessage
{
    internal BufferedResponse(HttpResponseMessage source, byte[] body, bool overCap)
        : base(source.StatusCode)
    {
        Body = body;
        OverCap = overCap;
        ReasonPhrase = source.ReasonPhrase;
        Version = source.Version;
        RequestMessage = source.RequestMessage;
        foreach (KeyValuePair<string, IEnumerable<string>> header in source.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        Content = new ByteArrayContent(body);
        foreach (KeyValuePair<string, IEnumerable<string>> header in source.Content.Headers)
        {
            // The length (and any encoding) described the network body, not the kept bytes.
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                && !header.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
    }

    /// <summary>The body bytes kept (at most the cap for the status).</summary>
    internal byte[] Body { get; private set; }

    /// <summary>True when the body was longer than the cap and only a prefix was kept.</summary>
    internal bool OverCap { get; }

    /// <summary>The status as a number.</summary>
    internal int Status => (int)StatusCode;

    /// <summary>
    /// Replaces every occurrence of <paramref name="secret"/> in an error answer's body and reason
    /// phrase (a server that echoes the credential must not put it into an exception or a log).
    /// A 2xx answer is left alone: its bytes may be signed.
    /// </summary>
    internal void RedactError(string? secret)
    {
        if (IsSuccessStatusCode || string.IsNullOrEmpty(secret))
        {
            return;
        }

        byte[] redacted = SecretRedaction.RedactUtf8(Body, secret);
        if (!ReferenceEquals(redacted, Body))
        {
            var content = new ByteArrayContent(redacted);
            foreach (KeyValuePair<string, IEnumerable<string>> header in Content.Headers)
            {
                if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            Content.Dispose();
            Content = content;
            Body = redacted;
        }

        if (ReasonPhrase is { } reason)
        {
            ReasonPhrase = SecretRedaction.Redact(reason, secret);
        }
    }
}
