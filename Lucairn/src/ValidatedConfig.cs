using System.Globalization;
using System.Text.RegularExpressions;

namespace Lucairn;

/// <summary>A <see cref="LucairnConfig"/> after validation (spec §2); immutable.</summary>
internal sealed partial class ValidatedConfig
{
    private ValidatedConfig(string apiKey, string baseUrl, TimeSpan timeout, long maxResponseBytes, int maxRetries, TimeProvider timeProvider, Microsoft.Extensions.Logging.ILogger? logger)
    {
        Logger = logger;
        ApiKey = apiKey;
        BaseUrl = baseUrl;
        Timeout = timeout;
        MaxResponseBytes = maxResponseBytes;
        MaxRetries = maxRetries;
        TimeProvider = timeProvider;
    }

    internal string ApiKey { get; }

    internal string BaseUrl { get; }

    internal TimeSpan Timeout { get; }

    internal long MaxResponseBytes { get; }

    internal int MaxRetries { get; }

    internal TimeProvider TimeProvider { get; }

    internal Microsoft.Extensions.Logging.ILogger? Logger { get; }

    /// <summary>Validates every setting in the spec's order; the first problem is reported.</summary>
    internal static ValidatedConfig From(LucairnConfig? config)
    {
        if (config is null)
        {
            throw new LucairnConfigException("config must be a LucairnConfig instance, got null.");
        }

        string apiKey = ValidateApiKey(config.ApiKey);
        string baseUrl = ValidateBaseUrl(config.BaseUrl ?? LucairnConfig.DefaultBaseUrl);
        TimeSpan timeout = ValidateTimeout(config.Timeout, "Timeout");
        if (config.MaxResponseBytes <= 0)
        {
            throw new LucairnConfigException(string.Create(CultureInfo.InvariantCulture,
                $"MaxResponseBytes (max_response_bytes) must be a positive number of bytes, got {config.MaxResponseBytes}."));
        }

        if (config.MaxRetries is < 0 or > LucairnConfig.MaxRetriesLimit)
        {
            throw new LucairnConfigException(string.Create(CultureInfo.InvariantCulture,
                $"MaxRetries must be between 0 and {LucairnConfig.MaxRetriesLimit}, got {config.MaxRetries}."));
        }

        TimeProvider timeProvider = config.TimeProvider ?? throw new LucairnConfigException("TimeProvider must not be null.");
        return new ValidatedConfig(apiKey, baseUrl, timeout, config.MaxResponseBytes, config.MaxRetries, timeProvider, config.Logger);
    }

    /// <summary>Checks a timeout is positive and finite; <paramref name="name"/> appears in the message.</summary>
    internal static TimeSpan ValidateTimeout(TimeSpan timeout, string name)
    {
        if (timeout <= TimeSpan.Zero || timeout == System.Threading.Timeout.InfiniteTimeSpan || timeout == TimeSpan.MaxValue)
        {
            throw new LucairnConfigException(string.Create(CultureInfo.InvariantCulture,
                $"{name} must be a positive, finite duration, got {timeout}."));
        }

        return timeout;
    }

    private static string ValidateApiKey(string? apiKey)
    {
        // The key itself never goes into a message.
        if (apiKey is null)
        {
            throw new LucairnConfigException("ApiKey (api_key) is required.");
        }

        if (!ApiKeyPattern().IsMatch(apiKey))
        {
            throw new LucairnConfigException(
                "ApiKey (api_key) is not a valid Lucairn key: expected 'lcr_live_' followed by at least 20 of A-Z a-z 0-9 _ -, or 'dsa_' followed by 32 lower-case hex digits.");
        }

        return apiKey;
    }

    private static string ValidateBaseUrl(string baseUrl)
    {
        Match scheme = SchemePattern().Match(baseUrl);
        string schemeName = scheme.Success ? scheme.Groups[1].Value.ToLowerInvariant() : string.Empty;
        if (schemeName is not ("http" or "https"))
        {
            throw new LucairnConfigException($"BaseUrl (base_url) must use http or https, got: {(schemeName.Length == 0 ? "<empty>" : schemeName)}");
        }

        string rest = baseUrl[scheme.Length..];
        string authority = rest.StartsWith("//", StringComparison.Ordinal) ? rest[2..].Split('/', '?', '#')[0] : string.Empty;
        if (authority.Length == 0)
        {
            throw new LucairnConfigException($"BaseUrl (base_url) has no host: {baseUrl}");
        }

        if (authority.Contains('@', StringComparison.Ordinal))
        {
            throw new LucairnConfigException("BaseUrl (base_url) must not contain user info (credentials belong in ApiKey).");
        }

        if (baseUrl.IndexOfAny(['?', '#']) >= 0)
        {
            throw new LucairnConfigException($"BaseUrl (base_url) must not contain a query or fragment: {baseUrl}");
        }

        if (baseUrl.Any(c => c is '\\' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new LucairnConfigException("BaseUrl (base_url) must not contain backslashes, whitespace or control characters.");
        }

        string trimmed = baseUrl.TrimEnd('/');
        if (!Uri.TryCreate(trimmed + "/", UriKind.Absolute, out Uri? parsed))
        {
            throw new LucairnConfigException($"BaseUrl (base_url) is not a valid absolute URL: {baseUrl}");
        }

        // Check the host both as written and as the URI parser (and so HttpClient) reads it.
        foreach (string host in new[] { HostOf(authority), parsed.Host.Trim('[', ']').ToLowerInvariant() })
        {
            if (schemeName == "http" && !IsLoopbackOrMdns(host))
            {
                throw new LucairnConfigException(
                    $"BaseUrl (base_url) must use https:// for non-loopback hosts; plain http is only allowed for localhost, 127.0.0.1, [::1] and *.local, got host: {host}");
            }
        }

        return trimmed;
    }

    private static string HostOf(string authority)
    {
        if (authority.StartsWith('['))
        {
            int close = authority.IndexOf(']', StringComparison.Ordinal);
            return (close < 0 ? authority[1..] : authority[1..close]).ToLowerInvariant();
        }

        int colon = authority.LastIndexOf(':');
        return (colon < 0 ? authority : authority[..colon]).ToLowerInvariant();
    }

    private static bool IsLoopbackOrMdns(string host) =>
        host is "localhost" or "127.0.0.1" or "::1" || host.EndsWith(".local", StringComparison.Ordinal);

    [GeneratedRegex(@"\A(?:dsa_[0-9a-f]{32}|lcr_live_[A-Za-z0-9_\-]{20,})\z", RegexOptions.CultureInvariant)]
    private static partial Regex ApiKeyPattern();

    [GeneratedRegex(@"\A([A-Za-z][A-Za-z0-9+.\-]*):", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();
}
