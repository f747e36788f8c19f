using Fuzz.Harness;
using Newtonsoft.Json.Linq;
using Attesto;
using Lucairn;
using Shared.Crypto;

namespace Fuzz.Targets;

/// <summary>
/// The canonical writer's round trip, per option set (Lucairn and Attesto): text that parses and
/// serializes must give canonical bytes that parse back to an equal tree and serialize to the same
/// bytes (parse → write → parse → write is stable), and the text overload of
/// <see cref="CanonicalJson.Serialize(string, CanonicalJsonOptions)"/> must agree.
/// </summary>
public sealed class CanonicalJsonRoundTripTarget : FuzzTarget
{
    private static readonly CanonicalJsonOptions[] Profiles = [LucairnCanonicalJson.Options, AttestoCanonicalJson.Options];

    /// <inheritdoc />
    public override string Name => "json-roundtrip";

    /// <inheritdoc />
    public override string Description => "JSON text -> Parse -> Serialize -> Parse -> Serialize (stable and equal), both option sets";

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
        foreach (CanonicalJsonOptions options in Profiles)
        {
            byte[]? canonical = null;
            JToken? first = null;
            if (!Attempt(() => first = CanonicalJson.Parse(text, options)) || !Attempt(() => canonical = CanonicalJson.Serialize(first!, options)))
            {
                continue;
            }

            byte[] viaText = CanonicalJson.Serialize(text, options);
            FuzzPropertyException.Check(viaText.AsSpan().SequenceEqual(canonical), $"{options.Name}: Serialize(string) differs from Serialize(Parse(string)).");
            string canonicalText = System.Text.Encoding.UTF8.GetString(canonical!);
            JToken second;
            byte[] again;
            try
            {
                second = CanonicalJson.Parse(canonicalText, options);
                again = CanonicalJson.Serialize(second, options);
            }
            catch (CanonicalJsonException ex)
            {
                throw new FuzzPropertyException($"{options.Name}: the canonical output does not parse and serialize again: {ex.Message}", ex);
            }

            FuzzPropertyException.Check(again.AsSpan().SequenceEqual(canonical), $"{options.Name}: canonical output is not stable: {canonicalText}");
            FuzzPropertyException.Check(JToken.DeepEquals(first, second), $"{options.Name}: the canonical output parses to a different tree: {canonicalText}");
        }
    }
}
