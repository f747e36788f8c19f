namespace Lucairn.Http;

/// <summary>Checks on caller text that would otherwise be silently altered or rejected deep in the HTTP stack.</summary>
internal static class TextRules
{
    /// <summary>The index of the first unpaired UTF-16 surrogate, or -1.</summary>
    internal static int IndexOfLoneSurrogate(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the first control character, or -1.</summary>
    internal static int IndexOfControl(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Rejects text that cannot be sent faithfully in a URL: control characters and unpaired
    /// surrogates (UTF-8 cannot encode them). <paramref name="name"/> starts the message;
    /// <paramref name="paramName"/> is the exception's parameter name.
    /// </summary>
    internal static void RequireUrlSafe(string value, string name, string paramName)
    {
        if (IndexOfControl(value) is var control and >= 0)
        {
            throw new LucairnValidationException($"{name} contains a control character at index {control}.", paramName);
        }

        RequireWellFormed(value, name, paramName);
    }

    /// <summary>Rejects unpaired surrogates (they would be replaced by U+FFFD when encoded as UTF-8).</summary>
    internal static void RequireWellFormed(string? value, string name, string paramName)
    {
        if (value is not null && IndexOfLoneSurrogate(value) is var surrogate and >= 0)
        {
            throw new LucairnValidationException($"{name} contains an unpaired surrogate at index {surrogate}.", paramName);
        }
    }
}
