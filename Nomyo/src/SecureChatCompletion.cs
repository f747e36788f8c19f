using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>
/// The OpenAI-compatible entry point (upstream <c>SecureChatCompletion</c>): every request is
/// encrypted end to end to the NOMYO router's key and every answer is decrypted with this
/// client's own RSA-4096 key.
/// </summary>
/// <remarks>
/// Thread-safe: one instance can be shared and used concurrently; create one per configuration
/// and reuse it. For tests, mock <see cref="CreateAsync"/> directly, or run the real
/// <see cref="CreateAsync"/> over a mocked <see cref="SecureCompletionClient"/> through the
/// protected <see cref="SecureChatCompletion(SecureCompletionClient)"/> constructor
/// (<c>new Mock&lt;SecureChatCompletion&gt;(mockClient.Object) { CallBase = true }</c>): it calls
/// only <see cref="SecureCompletionClient.SendSecureRequestAsync"/>.
/// </remarks>
/// <example>
/// <code>
/// using var client = new SecureChatCompletion("nomyo-api-key");
/// ChatCompletion answer = await client.CreateAsync("Qwen/Qwen3-0.6B", [ChatMessage.User("Hello")]);
/// Console.WriteLine(answer.Choices[0].Message.Content);
/// </code>
/// </example>
public class SecureChatCompletion : IDisposable
{
    private readonly bool _ownsClient;
    private bool _disposed;

    /// <summary>Creates a client for <see cref="NomyoClientOptions.DefaultBaseUrl"/> with an API key and default settings.</summary>
    /// <param name="apiKey">The bearer token.</param>
    /// <exception cref="NomyoValidationException">The key is null or empty.</exception>
    public SecureChatCompletion(string apiKey)
        : this(new SecureCompletionClient(apiKey), ownsClient: true)
    {
    }

    /// <summary>Creates a client that owns its <see cref="HttpClient"/>.</summary>
    /// <param name="options">The settings (validated and copied; later changes have no effect).</param>
    /// <exception cref="NomyoValidationException"><paramref name="options"/> is null or a setting is wrong (including an <c>http://</c> base URL without <see cref="NomyoClientOptions.AllowHttp"/>).</exception>
    public SecureChatCompletion(NomyoClientOptions options)
        : this(new SecureCompletionClient(options), ownsClient: true)
    {
    }

    /// <summary>Creates a client over a caller-owned <see cref="HttpClient"/>, which is never disposed by this client.</summary>
    /// <param name="options">The settings (validated and copied; later changes have no effect).</param>
    /// <param name="httpClient">The HTTP client for every request.</param>
    /// <exception cref="NomyoValidationException">An argument is null or a setting is wrong (including an <c>http://</c> base URL without <see cref="NomyoClientOptions.AllowHttp"/>).</exception>
    public SecureChatCompletion(NomyoClientOptions options, HttpClient httpClient)
        : this(new SecureCompletionClient(options, httpClient), ownsClient: true)
    {
    }

    /// <summary>
    /// Creates a client over a given low-level client, for subclasses and mocking frameworks (for
    /// example a mocked <see cref="SecureCompletionClient"/>). The given client is not disposed by this one.
    /// </summary>
    /// <param name="client">The low-level client <see cref="CreateAsync"/> sends through.</param>
    /// <exception cref="NomyoValidationException"><paramref name="client"/> is null.</exception>
    protected SecureChatCompletion(SecureCompletionClient client)
        : this(NomyoValidationException.NotNull(client, "client"), ownsClient: false)
    {
    }

    /// <summary>For mocking frameworks only (<see cref="Client"/> is null).</summary>
    protected SecureChatCompletion()
    {
        Client = null!;
    }

    private SecureChatCompletion(SecureCompletionClient client, bool ownsClient)
    {
        Client = client;
        _ownsClient = ownsClient;
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
    /// <returns>The typed completion, with the full decrypted JSON in <see cref="ChatCompletion.GetRawJson"/>.</returns>
    /// <exception cref="NomyoValidationException">The request was refused locally, nothing sent (null or empty model or messages, <c>stream = true</c>, an empty API key, an unknown tier, a bad base URL, a payload over 10,485,760 bytes, NaN); <see cref="NomyoValidationException.ParamName"/> names the argument.</exception>
    /// <exception cref="NomyoApiException">The router answered with an error status, timed out or could not be reached; a subclass names which (<see cref="NomyoBadRequestException"/>, <see cref="NomyoAuthenticationException"/>, …).</exception>
    /// <exception cref="NomyoSecurityException">Encryption, the server key or the response failed a check; <see cref="NomyoSecurityException.Reason"/> says which.</exception>
    public virtual Task<ChatCompletion> CreateAsync(
        string model,
        IEnumerable<ChatMessage> messages,
        ChatCompletionOptions? options = null,
        CancellationToken cancellationToken = default) =>
        NomyoTelemetry.Instance.TraceAsync("CreateAsync", "POST", null, () => CreateCoreAsync(model, messages, options, cancellationToken));

    private async Task<ChatCompletion> CreateCoreAsync(string model, IEnumerable<ChatMessage> messages, ChatCompletionOptions? options, CancellationToken cancellationToken)
    {
        NomyoValidationException.NotNull(model, "model");
        NomyoValidationException.NotNull(messages, "messages");
        ObjectDisposedException.ThrowIf(_disposed, this);
        options ??= new ChatCompletionOptions();
        JObject payload = ChatPayloadBuilder.Build(model, messages, options);

        // Checked here so the messages name the option; the client checks the same again under its own names.
        SecureCompletionClient.Authorization(options.ApiKey, "options.ApiKey");
        _ = options.SecurityTier?.ToWireName("options.SecurityTier");
        if (options.BaseUrl is not null)
        {
            Http.BaseUrl.Normalize(options.BaseUrl, Client.AllowHttp, "options.BaseUrl");
        }

        string payloadId = Guid.NewGuid().ToString("D");
        JObject raw = await Client.SendSecureRequestAsync(payload, payloadId, options.ApiKey, options.SecurityTier, options.BaseUrl, cancellationToken).ConfigureAwait(false);
        return ChatCompletion.Read(raw);
    }

    /// <summary>Releases the owned low-level client (and its owned <see cref="HttpClient"/>); a client given to the protected constructor is left alone.</summary>
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
            if (_ownsClient)
            {
                Client?.Dispose();
            }
        }
    }
}
