using System.Globalization;
using System.Text.RegularExpressions;

namespace Lucairn;

/// <summary>A copy of <see cref="LucairnClientOptions"/> after validation (spec §2); immutable.</summary>
internal sealed partial class ValidatedOptions
{
    private ValidatedOptions(string apiKey, string baseUrl, TimeSpan timeout, long maxResponseBytes, int maxRetries, TimeProvider timeProvider, Microsoft.Extensions.Logging.ILogger? logger)
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

    /// <summary>Validates and copies every setting in the spec's order; the first problem is reported.</summary>
    /// <param name="options">The options.</param>
    /// <param name="apiKeyName">The name the API key is reported under (<c>apiKey</c> for the one-argument constructor).</param>
    internal static ValidatedOptions From(LucairnClientOptions? options, string apiKeyName = "options.ApiKey")
    {
        if (options is null)
        {
            throw new LucairnValidationException("options must be a LucairnClientOptions instance, got null.", "options");
        }

        string apiKey = ValidateApiKey(options.ApiKey, apiKeyName);
        string baseUrl = ValidateBaseUrl(options.BaseUrl);
        TimeSpan timeout = ValidateTimeout(options.Timeout, "options.Timeout");
        if (options.MaxResponseBytes <= 0)
        {
            throw Invalid("options.MaxResponseBytes", string.Create(CultureInfo.InvariantCulture,
                $"(max_response_bytes) must be a positive number of bytes, got {options.MaxResponseBytes}."));
        }

        if (options.MaxRetries is < 0 or > LucairnClientOptions.MaxRetriesLimit)
        {
            throw Invalid("options.MaxRetries", string.Create(CultureInfo.InvariantCulture,
                $"must be between 0 and {LucairnClientOptions.MaxRetriesLimit}, got {options.MaxRetries}."));
        }

        TimeProvider timeProvider = options.TimeProvider ?? throw Invalid("options.TimeProvider", "must not be null.");
        return new ValidatedOptions(apiKey, baseUrl, timeout, options.MaxResponseBytes, options.MaxRetries, timeProvider, options.Logger);
    }

    /// <summary>Checks a timeout is positive and finite; <paramref name="name"/> is the parameter name and starts the message.</summary>
    internal static TimeSpan ValidateTimeout(TimeSpan timeout, string name)
    {
        if (timeout <= TimeSpan.Zero || timeout == System.Threading.Timeout.InfiniteTimeSpan || timeout == TimeSpan.MaxValue)
        {
            throw Invalid(name, string.Create(CultureInfo.InvariantCulture, $"must be a positive, finite duration, got {timeout}."));
        }

        return timeout;
    }

    /// <summary>A validation error whose message starts with <paramref name="name"/>.</summary>
    internal static LucairnValidationException Invalid(string name, string detail) => new($"{name} {detail}", name);

    private static string ValidateApiKey(string? apiKey, string name)
    {
        // The key itself never goes into a message.
        if (apiKey is null)
        {
            throw Invalid(name, "(api_key) is required.");
        }

        if (!ApiKeyPattern().IsMatch(apiKey))
        {
            throw Invalid(name,
                "(api_key) is not a valid Lucairn key: expected 'lcr_live_' followed by at least 20 of A-Z a-z 0-9 _ -, or 'dsa_' followed by 32 lower-case hex digits.");
        }

        return apiKey;
    }

    private static string ValidateBaseUrl(Uri? uri)
    {
        const string Name = "options.BaseUrl";
        if (uri is null)
        {
            throw Invalid(Name, "(base_url) must not be null; leave the default LucairnClientOptions.DefaultBaseUrl or set an absolute URL.");
        }

        // The text as the caller wrote it: the URI parser would silently fix backslashes and the like.
        string baseUrl = uri.OriginalString;
        Match scheme = SchemePattern().Match(baseUrl);
        string schemeName = scheme.Success ? scheme.Groups[1].Value.ToLowerInvariant() : string.Empty;
        if (schemeName is not ("http" or "https"))
        {
            throw Invalid(Name, $"(base_url) must use http or https, got: {(schemeName.Length == 0 ? "<empty>" : schemeName)}");
        }

        string rest = baseUrl[scheme.Length..];
        string authority = rest.StartsWith("//", StringComparison.Ordinal) ? rest[2..].Split('/', '?', '#')[0] : string.Empty;
        if (authority.Length == 0)
        {
            throw Invalid(Name, $"(base_url) has no host: {baseUrl}");
        }

        if (authority.Contains('@', StringComparison.Ordinal))
        {
            throw Invalid(Name, "(base_url) must not contain user info (credentials belong in ApiKey).");
        }

        if (baseUrl.IndexOfAny(['?', '#']) >= 0)
        {
            throw Invalid(Name, $"(base_url) must not contain a query or fragment: {baseUrl}");
        }

        if (baseUrl.Any(c => c is '\\' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw Invalid(Name, "(base_url) must not contain backslashes, whitespace or control characters.");
        }

        string trimmed = baseUrl.TrimEnd('/');
        if (!Uri.TryCreate(trimmed + "/", UriKind.Absolute, out Uri? parsed))
        {
            throw Invalid(Name, $"(base_url) is not a valid absolute URL: {baseUrl}");
        }

        // Check the host both as written and as the URI parser (and so HttpClient) reads it.
        foreach (string host in new[] { HostOf(authority), parsed.Host.Trim('[', ']').ToLowerInvariant() })
        {
            if (schemeName == "http" && !IsLoopbackOrMdns(host))
            {
                throw Invalid(Name,
                    $"(base_url) must use https:// for non-loopback hosts; plain http is only allowed for localhost, 127.0.0.1, [::1] and *.local, got host: {host}");
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
