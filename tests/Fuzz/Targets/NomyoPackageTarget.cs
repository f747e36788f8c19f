using Fuzz.Harness;
using Nomyo;

namespace Fuzz.Targets;

/// <summary>
/// The encrypted response package, before any decryption: the input bytes are the HTTP body
/// handed to <see cref="SecureCompletionClient.DecryptResponse"/> (package JSON, field checks,
/// strict base64, RSA unwrap, AES-GCM, then the plaintext).
/// </summary>
public sealed class NomyoPackageTarget : FuzzTarget
{
    /// <inheritdoc />
    public override string Name => "nomyo-package";

    /// <inheritdoc />
    public override string Description => "encrypted response package bytes -> SecureCompletionClient.DecryptResponse";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions { get; } = [typeof(NomyoSecurityException)];

    /// <summary>The seed completions sealed for the test key: real packages that decrypt.</summary>
    /// <inheritdoc />
    public override IEnumerable<FuzzInput> SeedInputs(Seeds seeds) =>
        NomyoHarness.Completions().Select(c => new FuzzInput("sealed-" + c.Name, NomyoHarness.Seal(c.Data)));

    /// <inheritdoc />
    protected override void Execute(ReadOnlySpan<byte> input) =>
        _ = NomyoHarness.Client.DecryptResponse(input.ToArray(), NomyoHarness.PayloadId);
}
