using Fuzz.Harness;
using Shared.Crypto;

namespace Fuzz.Targets;

/// <summary>
/// Text through <see cref="Hex.Decode"/>, <see cref="Hex.DecodeAnyCase"/>, <see cref="Hex.TryDecode"/>
/// and <see cref="Hex.IsLowercaseHex"/>. Properties: they agree with each other, and lowercase hex
/// round-trips through <see cref="Hex.Encode"/>.
/// </summary>
public sealed class HexTarget : FuzzTarget
{
    /// <inheritdoc />
    public override string Name => "hex";

    /// <inheritdoc />
    public override string Description => "text -> Hex.Decode / DecodeAnyCase / TryDecode / IsLowercaseHex (agree; round trip)";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions { get; } = [typeof(CryptoFormatException)];

    /// <summary>Every hex string in the JSON vectors, and the contents of the <c>.hex</c> vector files.</summary>
    /// <inheritdoc />
    public override IEnumerable<FuzzInput> SeedInputs(Seeds seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        IEnumerable<FuzzInput> files = Directory.GetFiles(Path.Combine(seeds.Directory, "lucairn"), "*.hex").Order(StringComparer.Ordinal)
            .Select(f => FuzzInput.Text("lucairn/" + Path.GetFileName(f), File.ReadAllText(f).Trim()));
        return files.Concat(seeds.Strings(s => s.Length > 0 && Hex.TryDecode(s, out _)));
    }

    /// <inheritdoc />
    protected override void Execute(ReadOnlySpan<byte> input)
    {
        string text = InputText.Decode(input);
        bool anyCase = Attempt(() => Hex.DecodeAnyCase(text));
        bool tried = Hex.TryDecode(text, out byte[]? viaTry);
        FuzzPropertyException.Check(Hex.IsLowercaseHex(text, text.Length / 2) == (tried && text.Length % 2 == 0), "IsLowercaseHex disagrees with TryDecode.");
        byte[] decoded;
        try
        {
            decoded = Hex.Decode(text);
        }
        catch (CryptoFormatException)
        {
            FuzzPropertyException.Check(!tried, "TryDecode accepted what Decode rejects.");
            throw;
        }

        FuzzPropertyException.Check(tried && anyCase && viaTry!.AsSpan().SequenceEqual(decoded), "TryDecode or DecodeAnyCase disagrees with Decode.");
        FuzzPropertyException.Check(Hex.Encode(decoded) == text, "Lowercase hex does not round-trip.");
    }
}
