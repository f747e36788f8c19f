namespace Shared.Crypto;

/// <summary>
/// A pass-through <see cref="TextReader"/> that rejects <c>\uD800</c>–<c>\uDFFF</c> escapes that
/// do not form a high-then-low pair. Newtonsoft silently turns such escapes into U+FFFD, which
/// would let two different texts canonicalise to the same bytes; this guard makes them an error
/// instead. It streams (no copy of the text), only inspects characters around backslashes, and
/// never disposes the reader it wraps (that stays the caller's).
/// </summary>
internal sealed class SurrogateEscapeGuard : TextReader
{
    private readonly TextReader _inner;
    private long _position;
    private bool _afterBackslash;
    private int _hexRemaining;
    private int _hexValue;
    private bool _expectLowSurrogate;

    internal SurrogateEscapeGuard(TextReader inner)
    {
        _inner = inner;
    }

    public override int Peek() => _inner.Peek();

    public override int Read()
    {
        int c = _inner.Read();
        if (c >= 0)
        {
            Inspect((char)c);
        }

        return c;
    }

    public override int Read(char[] buffer, int index, int count)
    {
        int read = _inner.Read(buffer, index, count);
        Inspect(buffer.AsSpan(index, read));
        return read;
    }

    public override int Read(Span<char> buffer)
    {
        int read = _inner.Read(buffer);
        Inspect(buffer[..read]);
        return read;
    }

    private void Inspect(ReadOnlySpan<char> chunk)
    {
        while (!chunk.IsEmpty)
        {
            if (!_afterBackslash && _hexRemaining == 0 && !_expectLowSurrogate)
            {
                // Fast path: nothing pending, skip straight to the next backslash.
                int next = chunk.IndexOf('\\');
                if (next < 0)
                {
                    _position += chunk.Length;
                    return;
                }

                _position += next;
                chunk = chunk[next..];
            }

            Inspect(chunk[0]);
            chunk = chunk[1..];
        }
    }

    private void Inspect(char c)
    {
        _position++;
        if (_hexRemaining > 0)
        {
            int digit = HexDigit(c);
            if (digit < 0)
            {
                // Not a valid \u escape: the JSON reader reports that itself.
                _hexRemaining = 0;
                _expectLowSurrogate = false;
                return;
            }

            _hexValue = (_hexValue << 4) | digit;
            if (--_hexRemaining == 0)
            {
                CompleteEscape(_hexValue);
            }

            return;
        }

        if (_afterBackslash)
        {
            _afterBackslash = false;
            if (c == 'u')
            {
                _hexRemaining = 4;
                _hexValue = 0;
            }
            else if (_expectLowSurrogate)
            {
                throw Lone("high");
            }

            return;
        }

        if (c == '\\')
        {
            _afterBackslash = true;
        }
        else if (_expectLowSurrogate)
        {
            throw Lone("high");
        }
    }

    private void CompleteEscape(int value)
    {
        bool isHigh = value is >= 0xD800 and <= 0xDBFF;
        bool isLow = value is >= 0xDC00 and <= 0xDFFF;
        if (_expectLowSurrogate)
        {
            _expectLowSurrogate = false;
            if (!isLow)
            {
                throw Lone("high");
            }
        }
        else if (isHigh)
        {
            _expectLowSurrogate = true;
        }
        else if (isLow)
        {
            throw Lone("low");
        }
    }

    private CanonicalJsonException Lone(string which) =>
        new($"JSON text has an unpaired {which} surrogate \\u escape near character {_position} (it would be silently replaced by U+FFFD).", "$");

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
