using Attesto;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Attesto clients with dependency injection, over <see cref="System.Net.Http.IHttpClientFactory"/>.</summary>
public static class AttestoServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the v1 <see cref="AttestoClient"/> uses.</summary>
    public const string HttpClientName = "Attesto";

    /// <summary>The name of the <see cref="HttpClient"/> the <see cref="AttestoV2Client"/> uses.</summary>
    public const string V2HttpClientName = "Attesto.V2";

    /// <summary>
    /// Registers the v1 <see cref="AttestoClient"/> as a typed client. The options are validated
    /// when the host starts (and on first use), with the same messages as the constructor.
    /// Bind them from configuration with <c>services.Configure&lt;AttestoClientOptions&gt;(section)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options: at least <see cref="AttestoClientOptions.ApiKey"/>.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    /// <exception cref="AttestoValidationException">An argument is null.</exception>
    public static IHttpClientBuilder AddAttestoClient(this IServiceCollection services, Action<AttestoClientOptions> configure)
    {
        AddValidatedOptions(services, configure);
        return AddHttpClient(services, HttpClientName)
            .AddTypedClient<AttestoClient>(static (http, provider) =>
                new AttestoClient(provider.GetRequiredService<IOptions<AttestoClientOptions>>().Value, http));
    }

    /// <summary>
    /// Registers the Proofstream <see cref="AttestoV2Client"/> as a typed client. The options are
    /// validated when the host starts (and on first use); their <see cref="AttestoClientOptions.Proofstream"/>
    /// settings (receipt signer key, head store, page size) are one object shared by every instance,
    /// so the witnessed stream heads survive across resolutions.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options: at least <see cref="AttestoClientOptions.ApiKey"/> and, unless the environment variable is set, <see cref="ProofstreamOptions.ReceiptPublicKeyHex"/> under <see cref="AttestoClientOptions.Proofstream"/>.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    /// <exception cref="AttestoValidationException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    public static IHttpClientBuilder AddAttestoV2Client(this IServiceCollection services, Action<AttestoClientOptions> configure)
    {
        AddValidatedOptions(services, configure);
        return AddHttpClient(services, V2HttpClientName)
            .AddTypedClient<AttestoV2Client>(static (http, provider) =>
                new AttestoV2Client(provider.GetRequiredService<IOptions<AttestoClientOptions>>().Value, http));
    }

    private static void AddValidatedOptions(IServiceCollection services, Action<AttestoClientOptions> configure)
    {
        AttestoArguments.NotNull(services, nameof(services));
        AttestoArguments.NotNull(configure, nameof(configure));
        services.AddOptions<AttestoClientOptions>()
            .Configure(configure)
            .Configure<IServiceProvider>(static (options, provider) =>
                options.Logger ??= provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("Attesto"))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AttestoClientOptions>, OptionsValidation>());
    }

    private static IHttpClientBuilder AddHttpClient(IServiceCollection services, string name) =>
        services.AddHttpClient(name)
            .ConfigureHttpClient(static http => http.Timeout = Timeout.InfiniteTimeSpan) // the client applies its own per-attempt timeout
            .ConfigurePrimaryHttpMessageHandler(static () => Shared.Http.HttpSender.CreateOwnedHandler()) // never follows redirects
            .RedactLoggedHeaders(["Authorization"]);

    private sealed class OptionsValidation : IValidateOptions<AttestoClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, AttestoClientOptions options)
        {
            try
            {
                _ = options.Validate();
                return ValidateOptionsResult.Success;
            }
            catch (AttestoException ex)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }
        }
    }
}
