using System.Text.Json;

namespace Lucairn;

/// <summary>Typed member values (strings, booleans, integers, enums, string arrays, opaque objects) and required-member checks; a wrong type is recorded, never thrown.</summary>
internal ref partial struct CertificateReader
{
    private void RequireMembers(int seen, string[] required, string owner)
    {
        for (int i = 0; i < required.Length; i++)
        {
            if ((seen & (1 << i)) == 0)
            {
                Problem($"the required member '{owner}.{required[i]}' is missing.");
                return;
            }
        }
    }

    private string? RequiredString(PathText path)
    {
        JsonTokenType token = Next();
        if (token == JsonTokenType.String)
        {
            return _reader.GetString();
        }

        WrongType(path, "a string");
        return null;
    }

    private void RequiredStringUnused(int claimIndex, string member)
    {
        JsonTokenType token = Next();
        if (token == JsonTokenType.String)
        {
            CheckEscapes();
        }
        else
        {
            WrongType(ClaimPath(claimIndex, member), "a string");
        }
    }

    private string? OptionalString(PathText path)
    {
        JsonTokenType token = Next();
        if (token == JsonTokenType.String)
        {
            return _reader.GetString();
        }

        if (token != JsonTokenType.Null)
        {
            WrongType(path, "a string or null");
        }

        return null;
    }

    private void OptionalStringUnused(PathText path)
    {
        JsonTokenType token = Next();
        if (token == JsonTokenType.String)
        {
            CheckEscapes();
        }
        else if (token != JsonTokenType.Null)
        {
            WrongType(path, "a string or null");
        }
    }

    private bool RequiredBool(string member)
    {
        JsonTokenType token = Next();
        if (token is JsonTokenType.True or JsonTokenType.False)
        {
            return token == JsonTokenType.True;
        }

        WrongType("verification." + member, "a boolean");
        return false;
    }

    private long? OptionalInteger(PathText path)
    {
        JsonTokenType token = Next();
        if (token == JsonTokenType.Null)
        {
            return null;
        }

        if (token == JsonTokenType.Number && IsInteger())
        {
            if (_reader.TryGetInt64(out long value))
            {
                return value;
            }

            Problem($"'{path}' is outside the 64-bit integer range.");
            return null;
        }

        WrongType(path, "an integer or null");
        return null;
    }

    private TEnum RequiredEnum<TEnum>(PathText path)
        where TEnum : struct, Enum
    {
        JsonTokenType token = Next();
        if (token != JsonTokenType.String)
        {
            WrongType(path, "a string");
            return default;
        }

        if (!_reader.ValueIsEscaped && WireEnum<TEnum>.TryParse(_reader.ValueSpan, out TEnum known))
        {
            return known;
        }

        string text = _reader.GetString()!;
        if (WireEnum<TEnum>.TryParse(text, out TEnum value))
        {
            return value;
        }

        Problem($"'{path}' has the unknown value '{Shorten(text)}' (expected one of {WireEnum<TEnum>.Names}).");
        return default;
    }

    private void StringArray(int claimIndex, string member)
    {
        string Path() => claimIndex >= 0 ? ClaimPath(claimIndex, member) : "verification." + member;
        JsonTokenType token = Next();
        if (token != JsonTokenType.StartArray)
        {
            WrongType(Path(), "an array of strings");
            return;
        }

        int index = 0;
        while ((token = Next()) != JsonTokenType.EndArray)
        {
            if (token == JsonTokenType.String)
            {
                CheckEscapes();
            }
            else
            {
                WrongType($"{Path()}[{index}]", "a string");
            }

            index++;
        }
    }

    private void OpaqueObject(PathText path)
    {
        JsonTokenType token = Next();
        if (token is JsonTokenType.Null or JsonTokenType.StartObject)
        {
            SkipValue(token);
        }
        else
        {
            WrongType(path, "an object or null");
        }
    }
}
