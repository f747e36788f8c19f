using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nomyo;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the NOMYO client with dependency injection.</summary>
public static class NomyoServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the NOMYO client uses (from <see cref="System.Net.Http.IHttpClientFactory"/>).</summary>
    public const string HttpClientName = "Nomyo";

    /// <summary>
    /// Registers <see cref="SecureChatCompletion"/> (and its <see cref="SecureCompletionClient"/>)
    /// as singletons over the <see cref="HttpClientName"/> client from
    /// <see cref="System.Net.Http.IHttpClientFactory"/>. A singleton is required: each instance
    /// holds an RSA-4096 key and the server key cache. Its primary handler recycles pooled
    /// connections every 5 minutes, so DNS changes are seen without rotating handlers.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (also bindable with <c>services.Configure&lt;NomyoClientOptions&gt;(section)</c>).</param>
    /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
    /// <exception cref="NomyoValidationException"><paramref name="services"/> is null.</exception>
    /// <remarks>
    /// The options are checked when the host starts (<c>ValidateOnStart</c>) with the constructor's
    /// checks and messages; a bad setting fails start-up with an <c>OptionsValidationException</c>
    /// whose message is the <see cref="NomyoValidationException"/>'s (e.g. <c>options.BaseUrl …</c>).
    /// </remarks>
    public static IHttpClientBuilder AddNomyoClient(this IServiceCollection services, Action<NomyoClientOptions>? configure = null)
    {
        NomyoValidationException.NotNull(services, "services");
        var options = services.AddOptions<NomyoClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Configure<IServiceProvider>(static (o, provider) =>
            o.Logger ??= provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("Nomyo"));
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NomyoClientOptions>, OptionsValidation>());

        services.TryAddSingleton(provider => new SecureChatCompletion(
            provider.GetRequiredService<IOptions<NomyoClientOptions>>().Value,
            provider.GetRequiredService<System.Net.Http.IHttpClientFactory>().CreateClient(HttpClientName)));
        services.TryAddSingleton(provider => provider.GetRequiredService<SecureChatCompletion>().Client);
        return services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => Shared.Http.HttpSender.CreateOwnedHandler()) // never follows redirects
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
    }

    /// <summary>The constructor's checks, run when the host starts, with the same messages.</summary>
    private sealed class OptionsValidation : IValidateOptions<NomyoClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, NomyoClientOptions options)
        {
            try
            {
                _ = OptionsValidator.ValidateForClient(options);
                return ValidateOptionsResult.Success;
            }
            catch (NomyoValidationException ex)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }
        }
    }
}
