using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>
/// The OpenAI-compatible entry point (upstream <c>SecureChatCompletion</c>): every request is
/// encrypted end to end to the NOMYO router's key and every answer is decrypted with this
/// client's own RSA-4096 key. Thread-safe; create one and reuse it.
/// </summary>
/// <example>
/// <code>
/// using var client = new SecureChatCompletion(new NomyoClientOptions { ApiKey = key });
/// ChatCompletion answer = await client.CreateAsync("Qwen/Qwen3-0.6B", [ChatMessage.User("Hello")]);
/// Console.WriteLine(answer.Choices[0].Message.Content);
/// </code>
/// </example>
public class SecureChatCompletion : IDisposable
{
    private bool _disposed;

    /// <summary>Creates a client for <c>https://api.nomyo.ai</c> with an API key.</summary>
    /// <param name="apiKey">The bearer token.</param>
    /// <exception cref="ArgumentException">The key is empty.</exception>
    public SecureChatCompletion(string apiKey)
        : this(new NomyoClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Creates a client that owns its <see cref="HttpClient"/>.</summary>
    /// <param name="options">The settings (copied).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    /// <exception cref="NomyoSecurityException">The base URL is <c>http://</c> without <see cref="NomyoClientOptions.AllowHttp"/>.</exception>
    public SecureChatCompletion(NomyoClientOptions options)
    {
        Client = new SecureCompletionClient(options);
    }

    /// <summary>Creates a client over a caller-owned <see cref="HttpClient"/>, which is never disposed by this client.</summary>
    /// <param name="options">The settings (copied).</param>
    /// <param name="httpClient">The HTTP client for every request.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    /// <exception cref="NomyoSecurityException">The base URL is <c>http://</c> without <see cref="NomyoClientOptions.AllowHttp"/>.</exception>
    public SecureChatCompletion(NomyoClientOptions options, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        Client = new SecureCompletionClient(options, httpClient);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected SecureChatCompletion()
    {
        Client = null!;
    }

    /// <summary>The low-level client (keys, server key, raw encrypt/decrypt).</summary>
    public SecureCompletionClient Client { get; }

    /// <summary>
    /// Sends an encrypted chat completion request and returns the decrypted answer (upstream
    /// <c>create</c>). Connection failures and 429/502/503/504 are retried with backoff.
    /// </summary>
    /// <param name="model">The model identifier, e.g. <c>Qwen/Qwen3-0.6B</c>.</param>
    /// <param name="messages">The conversation, oldest first.</param>
    /// <param name="options">Generation parameters, tools, security tier and per-call overrides; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The typed completion, with the full decrypted JSON in <see cref="ChatCompletion.Raw"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="messages"/> is null.</exception>
    /// <exception cref="NomyoInvalidRequestException">The request was refused locally (empty model or messages, <c>stream = true</c>, an empty API key, a payload over 10,485,760 bytes, NaN) or by the server (400).</exception>
    /// <exception cref="NomyoApiException">Another error status (a subclass names 401, 403, 429, 500 and 503).</exception>
    /// <exception cref="NomyoSecurityException">Encryption, the server key or the response failed a check.</exception>
    /// <exception cref="NomyoConnectionException">The server could not be reached or timed out.</exception>
    public virtual Task<ChatCompletion> CreateAsync(
        string model,
        IEnumerable<ChatMessage> messages,
        ChatCompletionOptions? options = null,
        CancellationToken cancellationToken = default) =>
        NomyoTelemetry.Instance.TraceAsync("CreateAsync", "POST", null, () => CreateCoreAsync(model, messages, options, cancellationToken));

    private async Task<ChatCompletion> CreateCoreAsync(string model, IEnumerable<ChatMessage> messages, ChatCompletionOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(messages);
        ObjectDisposedException.ThrowIf(_disposed, this);
        options ??= new ChatCompletionOptions();
        JObject payload = ChatPayloadBuilder.Build(model, messages, options);
        string baseUrl = options.BaseUrl is null
            ? Client.BaseUrl
            : Http.BaseUrl.Normalize(options.BaseUrl, Client.AllowHttp, "ChatCompletionOptions.BaseUrl");
        Shared.Telemetry.ClientOperation.Current?.SetServer(baseUrl);
        string payloadId = Guid.NewGuid().ToString("D");
        JObject raw = await Client.SendAsync(baseUrl, payload, payloadId, options.ApiKey, options.SecurityTier, cancellationToken).ConfigureAwait(false);
        return ChatCompletion.FromJson(raw);
    }

    /// <summary>Releases the owned low-level client (and its owned <see cref="HttpClient"/>).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            Client?.Dispose();
        }
    }
}
