using Lucairn.Http;

namespace Lucairn;

/// <summary>Pre-flight checks of a messages request (spec §4.1); every failure is a <see cref="LucairnConfigException"/>.</summary>
internal static class MessagesRequestValidator
{
    internal static void Validate(ProxyMessagesRequest? request)
    {
        if (request is null)
        {
            throw Invalid("the request must not be null.");
        }

        if (request.Stream == true)
        {
            throw new LucairnConfigException("Stream (stream) = true is not supported by MessagesAsync; leave it null or false.");
        }

        if (request.PromptTemplate is null)
        {
            throw Invalid("PromptTemplate (prompt_template) is required.");
        }

        if (request.Context is null)
        {
            throw Invalid("Context (context) is required.");
        }

        TextRules.RequireWellFormed(request.PromptTemplate, "Invalid messages params: PromptTemplate (prompt_template)");
        foreach (var (key, value) in request.Context)
        {
            if (value is null)
            {
                throw Invalid($"Context['{key}'] must not be null.");
            }

            TextRules.RequireWellFormed(key, "Invalid messages params: a Context key");
            TextRules.RequireWellFormed(value, $"Invalid messages params: Context['{key}']");
        }

        if (request.Temperature is { } temperature && !double.IsFinite(temperature))
        {
            throw Invalid("Temperature (temperature) must be a finite number.");
        }

        if (request.Mode is not (null or ProxyModes.Live or ProxyModes.ProvingGround))
        {
            throw Invalid($"Mode (mode) must be '{ProxyModes.Live}' or '{ProxyModes.ProvingGround}', got '{request.Mode}'.");
        }

        if (request.GroundTruth is not null)
        {
            foreach (var (key, spans) in request.GroundTruth)
            {
                if (spans is null || spans.Any(s => s is null || s.Type is null || s.Value is null))
                {
                    throw Invalid($"GroundTruth['{key}'] must be a list of complete annotations (type, value, start, end).");
                }
            }
        }
    }

    private static LucairnConfigException Invalid(string detail) => new($"Invalid messages params: {detail}");
}
