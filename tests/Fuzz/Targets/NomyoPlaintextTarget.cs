using Fuzz.Harness;
using Newtonsoft.Json.Linq;
using Nomyo;

namespace Fuzz.Targets;

/// <summary>
/// The response after a real decrypt: the input bytes are the plaintext, sealed for the test key
/// into a valid package, so every input reaches the decrypted-JSON reader and the
/// <c>_metadata</c> check of <see cref="SecureCompletionClient.DecryptResponse"/>. Property: an
/// accepted response carries the request's payload id.
/// </summary>
public sealed class NomyoPlaintextTarget : FuzzTarget
{
    /// <inheritdoc />
    public override string Name => "nomyo-plaintext";

    /// <inheritdoc />
    public override string Description => "plaintext bytes -> sealed with the test key -> SecureCompletionClient.DecryptResponse";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions { get; } = [typeof(NomyoSecurityException)];

    /// <inheritdoc />
    public override IEnumerable<FuzzInput> SeedInputs(Seeds seeds) => NomyoHarness.Completions();

    /// <inheritdoc />
    protected override void Execute(ReadOnlySpan<byte> input)
    {
        JObject response = NomyoHarness.Client.DecryptResponse(NomyoHarness.Seal(input), NomyoHarness.PayloadId);
        FuzzPropertyException.Check(
            response["_metadata"] is JObject metadata && (string?)(metadata["payload_id"] as JValue) == NomyoHarness.PayloadId,
            "An accepted response does not carry the request's payload id.");
    }
}
