namespace Nomyo;

/// <summary>Checks <see cref="NomyoClientOptions"/> once, at construction, and returns a private copy.</summary>
internal static class OptionsValidator
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    /// <exception cref="NomyoValidationException">The options are null or a setting is out of range; the message names it.</exception>
    internal static NomyoClientOptions Validate(NomyoClientOptions? options)
    {
        var copy = NomyoValidationException.NotNull(options, "options").Clone();
        Require(copy.BaseUrl is not null, "BaseUrl", "must not be null.");
        Require(copy.MaxRetries is >= 0 and <= 10, "MaxRetries", $"must be between 0 and 10; got {copy.MaxRetries}.");
        Require(copy.Timeout >= MinTimeout && copy.Timeout <= MaxTimeout, "Timeout", $"must be between 10 ms and 1 day; got {copy.Timeout}.");
        Require(copy.MaxRetryDelay >= TimeSpan.Zero && copy.MaxRetryDelay <= MaxTimeout, "MaxRetryDelay", $"must be between 0 and 1 day; got {copy.MaxRetryDelay}.");
        Require(copy.MaxResponseBytes >= 1024 && copy.MaxResponseBytes <= Array.MaxLength, "MaxResponseBytes", $"must be between 1024 and {Array.MaxLength}; got {copy.MaxResponseBytes}.");
        Require(copy.TimeProvider is not null, "TimeProvider", "must not be null.");
        Require(copy.ApiKey is null || !string.IsNullOrWhiteSpace(copy.ApiKey), "ApiKey", "is empty; use null for no key.");
        Require(copy.KeyPassword is null || copy.KeyPassword.Length > 0, "KeyPassword", "is empty; use null for an unencrypted key file.");
        Require(copy.KeyPassword is null || copy.KeyDirectory is not null, "KeyPassword", "is set but KeyDirectory is not.");
        Require(copy.ClientKey is null || copy.KeyDirectory is null, "ClientKey", "and KeyDirectory are both set; set one of them.");
        Require(copy.KeyDirectory is null || copy.KeyDirectory.Trim().Length > 0, "KeyDirectory", "is empty; use null for an ephemeral key.");
        return copy;
    }

    /// <summary>
    /// Every check a client makes on its options, in order: the settings, the base URL (scheme and
    /// <see cref="NomyoClientOptions.AllowHttp"/>) and the server key pin. Used by the constructor
    /// and by the DI start-up validation, so both report the same problems.
    /// </summary>
    /// <exception cref="NomyoValidationException">A setting is wrong; <see cref="NomyoValidationException.ParamName"/> names it.</exception>
    internal static (NomyoClientOptions Options, string BaseUrl, ServerKeyPin? Pin) ValidateForClient(NomyoClientOptions? options)
    {
        NomyoClientOptions copy = Validate(options);
        string baseUrl = Http.BaseUrl.Normalize(copy.BaseUrl, copy.AllowHttp, "options.BaseUrl");
        return (copy, baseUrl, ServerKeyPin.Parse(copy.ServerKeyPin, "options.ServerKeyPin"));
    }

    private static void Require(bool condition, string option, string problem)
    {
        if (!condition)
        {
            throw NomyoValidationException.For("options." + option, problem);
        }
    }
}
