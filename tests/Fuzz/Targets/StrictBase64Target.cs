using Fuzz.Harness;
using Shared.Crypto;

namespace Fuzz.Targets;

/// <summary>
/// Text through <see cref="StrictBase64.Decode"/> and <see cref="StrictBase64.TryDecode"/>. Properties:
/// the two agree, and strict base64 has exactly one encoding per byte string (encoding the
/// decoded bytes gives the input back).
/// </summary>
public sealed class StrictBase64Target : FuzzTarget
{
    /// <inheritdoc />
    public override string Name => "base64";

    /// <inheritdoc />
    public override string Description => "text -> StrictBase64.Decode / TryDecode (agree; Encode(Decode(x)) == x)";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions { get; } = [typeof(CryptoFormatException)];

    /// <summary>Every base64-looking string in the vectors (signatures, canonical payloads, keys).</summary>
    /// <inheritdoc />
    public override IEnumerable<FuzzInput> SeedInputs(Seeds seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        return seeds.Strings(s => s.Length >= 4 && s.Length % 4 == 0 && StrictBase64.TryDecode(s, out _) && !Hex.TryDecode(s, out _));
    }

    /// <inheritdoc />
    protected override void Execute(ReadOnlySpan<byte> input)
    {
        string text = InputText.Decode(input);
        bool tried = StrictBase64.TryDecode(text, out byte[]? viaTry);
        byte[] decoded;
        try
        {
            decoded = StrictBase64.Decode(text);
        }
        catch (CryptoFormatException)
        {
            FuzzPropertyException.Check(!tried, "TryDecode accepted what Decode rejects.");
            throw;
        }

        FuzzPropertyException.Check(tried && viaTry!.AsSpan().SequenceEqual(decoded), "TryDecode disagrees with Decode.");
        FuzzPropertyException.Check(StrictBase64.Encode(decoded) == text, "Strict base64 accepted a non-canonical encoding.");
    }
}
