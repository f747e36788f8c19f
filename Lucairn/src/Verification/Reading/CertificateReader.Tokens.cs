using System.Text.Json;

namespace Lucairn;

/// <summary>Token walking: the next token or member name, skipping whole values, escape and integer checks.</summary>
internal ref partial struct CertificateReader
{
    /// <summary>Walks the value that starts at <paramref name="token"/> (still checking keys and strings).</summary>
    private void SkipValue(JsonTokenType token)
    {
        switch (token)
        {
            case JsonTokenType.StartObject:
                var names = default(ObjectMembers);
                while (NextMember(ref names, out _, out _))
                {
                    SkipValue(Next());
                }

                break;
            case JsonTokenType.StartArray:
                while ((token = Next()) != JsonTokenType.EndArray)
                {
                    SkipValue(token);
                }

                break;
            case JsonTokenType.String:
                CheckEscapes();
                break;
        }
    }

    /// <summary>Reads the next member name of the current object; false at its end. Records duplicate names.</summary>
    private bool NextMember(ref ObjectMembers seen, out CertificateMember member, out string name)
    {
        if (Next() == JsonTokenType.EndObject)
        {
            member = CertificateMember.Other;
            name = string.Empty;
            return false;
        }

        member = CertificateMemberNames.Get(ref _reader, out name, out int slot);
        if (!seen.Add(name, slot))
        {
            Problem($"the member '{Shorten(name)}' appears twice in one object (duplicate keys are ambiguous).");
        }

        return true;
    }

    private JsonTokenType Next()
    {
        if (!_reader.Read())
        {
            throw new JsonException("the JSON text ended early.");
        }

        return _reader.TokenType;
    }

    /// <summary>Escaped strings are decoded once, which rejects escaped unpaired surrogates.</summary>
    private readonly void CheckEscapes()
    {
        if (_reader.ValueIsEscaped)
        {
            _ = _reader.GetString();
        }
    }

    private readonly bool IsInteger() => _reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;
}
