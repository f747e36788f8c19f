using Attesto;
using Fuzz.Harness;
using Newtonsoft.Json.Linq;

namespace Fuzz.Targets;

/// <summary>
/// A receipt object through <see cref="Receipts.Verify(JToken, string, bool)"/> under the vectors'
/// receipt key (<c>receipt.proposed.json</c> <c>public_key_hex</c>), with and without the mock opt-in.
/// </summary>
public sealed class AttestoReceiptTarget : FuzzTarget
{
    private const string PublicKeyHex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    /// <inheritdoc />
    public override string Name => "attesto-receipt";

    /// <inheritdoc />
    public override string Description => "receipt JSON -> Receipts.Verify (vector key; allowMock false and true)";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions { get; } = AttestoInput.ParseAndSelfTest;

    /// <inheritdoc />
    public override IEnumerable<FuzzInput> SeedInputs(Seeds seeds) =>
        seeds.Attesto("receipt.proposed.json", "cases[*].receipt").Concat(seeds.Attesto("receipt-export.derived.json", "example.receipt"));

    /// <inheritdoc />
    protected override void Execute(ReadOnlySpan<byte> input)
    {
        JToken receipt = AttestoInput.Parse(input);
        Attempt(() => Receipts.Verify(receipt, PublicKeyHex));
        Attempt(() => Receipts.Verify(receipt, PublicKeyHex, allowMock: true));
    }
}
