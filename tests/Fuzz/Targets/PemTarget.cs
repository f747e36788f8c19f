using Fuzz.Harness;
using Shared.Crypto;

namespace Fuzz.Targets;

/// <summary>
/// PEM text through <see cref="Ed25519PublicKey.FromPem"/>, <see cref="RsaPublicKey.FromPem"/> and
/// <see cref="RsaPrivateKey.FromPem"/> (no password). Round trip: a public key that loads writes a
/// PEM that loads back to the same key; a private key that loads writes a PKCS#8 PEM.
/// </summary>
public sealed class PemTarget : FuzzTarget
{
    /// <inheritdoc />
    public override string Name => "pem";

    /// <inheritdoc />
    public override string Description => "PEM text -> Ed25519PublicKey.FromPem, RsaPublicKey.FromPem, RsaPrivateKey.FromPem (+ ToPem round trip)";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions { get; } = [typeof(CryptoFormatException), typeof(CryptoKeyException)];

    /// <summary>
    /// Ed25519 SPKI PEMs of the vectors' keys (Lucairn test and production witness keys, Attesto
    /// receipt key), and the NOMYO test key as a private and a public PEM.
    /// </summary>
    /// <inheritdoc />
    public override IEnumerable<FuzzInput> SeedInputs(Seeds seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        yield return FuzzInput.Text("lucairn/test-witness-keypair.json:publicKey", Ed25519PublicKey.FromBase64((string)seeds.Json("lucairn", "test-witness-keypair.json")["publicKey"]!).ToPem());
        yield return FuzzInput.Text("lucairn/production-witness-pubkey.json:publicKeyBase64", Ed25519PublicKey.FromBase64((string)seeds.Json("lucairn", "production-witness-pubkey.json")["publicKeyBase64"]!).ToPem());
        yield return FuzzInput.Text("attesto/receipt.proposed.json:public_key_hex", Ed25519PublicKey.FromHex((string)seeds.Json("attesto", "receipt.proposed.json")["public_key_hex"]!).ToPem());
        string privatePem = File.ReadAllText(RepoPaths.FuzzFile("Keys/nomyo-client-TEST-ONLY.pem"));
        yield return FuzzInput.Text("Keys/nomyo-client-TEST-ONLY.pem", privatePem);
        yield return FuzzInput.Text("Keys/nomyo-client-TEST-ONLY.pem (public)", RsaPrivateKey.FromPem(privatePem).PublicKey.ToPem());
    }

    /// <inheritdoc />
    protected override void Execute(ReadOnlySpan<byte> input)
    {
        string text = InputText.Decode(input);
        Attempt(() =>
        {
            Ed25519PublicKey key = Ed25519PublicKey.FromPem(text);
            FuzzPropertyException.Check(Ed25519PublicKey.FromPem(key.ToPem()).ToHex() == key.ToHex(), "Ed25519 PEM round trip changed the key.");
        });
        Attempt(() =>
        {
            RsaPublicKey key = RsaPublicKey.FromPem(text);
            FuzzPropertyException.Check(RsaPublicKey.FromPem(key.ToPem()).GetSpkiSha256Hex() == key.GetSpkiSha256Hex(), "RSA public PEM round trip changed the key.");
        });
        Attempt(() =>
        {
            // One load only: BouncyCastle checks each RSA modulus with a probable-prime test, which
            // makes a private-key load cost tens of milliseconds; writing it back must not throw.
            RsaPrivateKey key = RsaPrivateKey.FromPem(text);
            FuzzPropertyException.Check(key.ToPem().StartsWith("-----BEGIN PRIVATE KEY-----", StringComparison.Ordinal), "An RSA private key that loads does not write a PKCS#8 PEM.");
        });
    }
}
