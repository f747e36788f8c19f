using Fuzz.Harness;
using Attesto;
using Lucairn;
using Shared.Crypto;

namespace Fuzz.Targets;

/// <summary>JSON text through the strict parser <see cref="CanonicalJson.Parse(string, CanonicalJsonOptions)"/> with both option sets (Lucairn and Attesto).</summary>
public sealed class CanonicalJsonParseTarget : FuzzTarget
{
    /// <inheritdoc />
    public override string Name => "json-parse";

    /// <inheritdoc />
    public override string Description => "JSON text -> CanonicalJson.Parse (Lucairn and Attesto options)";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions { get; } = [typeof(CanonicalJsonException)];

    /// <inheritdoc />
    public override IEnumerable<FuzzInput> SeedInputs(Seeds seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        return seeds.CanonicalJsonInputs().Concat(seeds.LucairnCertificates());
    }

    /// <inheritdoc />
    protected override void Execute(ReadOnlySpan<byte> input)
    {
        string text = InputText.Decode(input);
        Attempt(() => CanonicalJson.Parse(text, LucairnCanonicalJson.Options));
        Attempt(() => CanonicalJson.Parse(text, AttestoCanonicalJson.Options));
    }
}
