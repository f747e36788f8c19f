using Lucairn.Http;

namespace Lucairn;

/// <summary>Pre-flight checks of a messages request (spec §4.1); every failure is a <see cref="LucairnValidationException"/> naming the member.</summary>
internal static class MessagesRequestValidator
{
    internal static void Validate(ProxyMessagesRequest? request)
    {
        if (request is null)
        {
            throw Invalid("request", "must not be null.");
        }

        if (request.Stream == true)
        {
            throw Invalid("request.Stream", "(stream) = true is not supported by SendMessagesAsync; leave it null or false.");
        }

        if (request.PromptTemplate is null)
        {
            throw Invalid("request.PromptTemplate", "(prompt_template) is required.");
        }

        if (request.Context is null)
        {
            throw Invalid("request.Context", "(context) is required.");
        }

        TextRules.RequireWellFormed(request.PromptTemplate, "request.PromptTemplate (prompt_template): invalid messages params:", "request.PromptTemplate");
        foreach (var (key, value) in request.Context)
        {
            if (value is null)
            {
                throw new LucairnValidationException($"request.Context['{key}'] must not be null (invalid messages params)", "request.Context");
            }

            TextRules.RequireWellFormed(key, "request.Context: invalid messages params: a key", "request.Context");
            TextRules.RequireWellFormed(value, $"request.Context: invalid messages params: ['{key}']", "request.Context");
        }

        if (request.Temperature is { } temperature && !double.IsFinite(temperature))
        {
            throw Invalid("request.Temperature", "(temperature) must be a finite number.");
        }

        if (request.Mode is not (null or ProxyModes.Live or ProxyModes.ProvingGround))
        {
            throw Invalid("request.Mode", $"(mode) must be '{ProxyModes.Live}' or '{ProxyModes.ProvingGround}', got '{request.Mode}'.");
        }

        if (request.GroundTruth is not null)
        {
            foreach (var (key, spans) in request.GroundTruth)
            {
                if (spans is null || spans.Any(s => s is null || s.Type is null || s.Value is null))
                {
                    throw new LucairnValidationException($"request.GroundTruth['{key}'] must be a list of complete annotations (type, value, start, end) (invalid messages params)", "request.GroundTruth");
                }
            }
        }
    }

    private static LucairnValidationException Invalid(string paramName, string detail) =>
        new($"{paramName} {detail} (invalid messages params)", paramName);
}
