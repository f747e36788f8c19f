using Lucairn;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="LucairnClient"/> with dependency injection over <c>IHttpClientFactory</c>.</summary>
public static class LucairnServiceCollectionExtensions
{
    /// <summary>The name of the <c>IHttpClientFactory</c> client the registration uses.</summary>
    public const string HttpClientName = "Lucairn";

    /// <summary>
    /// Registers <see cref="LucairnClient"/> as a typed client of <c>IHttpClientFactory</c>, with
    /// <see cref="LucairnClientOptions"/> as options validated exactly like the client constructor (at
    /// start-up when the host runs start-up validation, otherwise on first use). The
    /// <c>x-api-key</c> header is redacted from the factory's logs.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (API key, base URL, timeouts …).</param>
    /// <returns>The HTTP client builder, to add handlers or further configuration.</returns>
    public static IHttpClientBuilder AddLucairnClient(this IServiceCollection services, Action<LucairnClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<LucairnClientOptions>()
            .Configure(configure)
            .Configure<IServiceProvider>(static (config, provider) =>
                config.Logger ??= provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("Lucairn"))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LucairnClientOptions>, LucairnClientOptionsValidation>());
        return services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static () => Shared.Http.HttpSender.CreateOwnedHandler())
            .RedactLoggedHeaders(["x-api-key"])
            .AddTypedClient<LucairnClient>(static (http, provider) =>
                new LucairnClient(provider.GetRequiredService<IOptions<LucairnClientOptions>>().Value, http));
    }

    /// <summary>Reports the exact validation message through the options system.</summary>
    private sealed class LucairnClientOptionsValidation : IValidateOptions<LucairnClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, LucairnClientOptions options) =>
            Check(options) is { } message ? ValidateOptionsResult.Fail(message) : ValidateOptionsResult.Success;

        private static string? Check(LucairnClientOptions config)
        {
            try
            {
                _ = ValidatedOptions.From(config);
                return null;
            }
            catch (LucairnValidationException ex)
            {
                return ex.Message;
            }
        }
    }
}
