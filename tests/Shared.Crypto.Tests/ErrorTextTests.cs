using Newtonsoft.Json.Linq;

namespace Shared.Crypto.Tests;

/// <summary>
/// The exact texts of argument and format errors that the other tests only check by type: each
/// names the value, the expected size and the size received.
/// </summary>
public class ErrorTextTests
{
    private static readonly byte[] Key = new byte[32];
    private static readonly byte[] Nonce = new byte[12];

    [Test]
    public void A_wrong_tag_buffer_names_the_tag_size_on_both_directions()
    {
        var encrypt = Assert.Throws<ArgumentException>(() => AesGcmCipher.Encrypt(Key, Nonce, new byte[4], new byte[4], new byte[12]));
        var decrypt = Assert.Throws<ArgumentException>(() => AesGcmCipher.Decrypt(Key, Nonce, new byte[4], new byte[12], new byte[4]));

        Assert.That(encrypt!.Message, Does.StartWith("'tag' must be 16 bytes (the tag size); got 12."));
        Assert.That(decrypt!.Message, Does.StartWith("'tag' must be 16 bytes (the tag size); got 12."));
    }

    [Test]
    public void A_combined_input_shorter_than_the_tag_says_so()
    {
        var ex = Assert.Throws<ArgumentException>(() => AesGcmCipher.DecryptCombined(Key, Nonce, new byte[15]));

        Assert.That(ex!.Message, Does.StartWith("The input must hold at least the 16-byte tag; it holds 15 bytes."));
        Assert.That(ex.ParamName, Is.EqualTo("ciphertextAndTag"));
    }

    [Test]
    public void Ed25519_private_key_length_and_mismatch_errors_say_what_was_wrong()
    {
        Assert.That(Assert.Throws<CryptoFormatException>(() => Ed25519PrivateKey.FromBytes(new byte[48]))!.Message,
            Is.EqualTo("Ed25519 private key must be a 32-byte seed or 64 bytes (seed + public key); got 48."));

        byte[] seedAndWrongPublic = new byte[64];
        seedAndWrongPublic[40] = 1;
        Assert.That(Assert.Throws<CryptoFormatException>(() => Ed25519PrivateKey.FromBytes(seedAndWrongPublic))!.Message,
            Is.EqualTo("Ed25519 private key: the stored public half does not match the seed."));
    }

    [Test]
    public void Ed25519_public_key_text_errors_name_the_encoding()
    {
        Assert.That(Assert.Throws<CryptoFormatException>(() => Ed25519PublicKey.FromHex("zz"))!.Message, Does.StartWith("Ed25519 public key (hex): "));
        Assert.That(Assert.Throws<CryptoFormatException>(() => Ed25519PublicKey.FromBase64("A"))!.Message, Does.StartWith("Ed25519 public key (base64): "));
    }

    [Test]
    public void A_signature_of_the_wrong_length_names_both_lengths()
    {
        var key = Ed25519PrivateKey.Generate().PublicKey;

        Assert.That(Assert.Throws<CryptoFormatException>(() => key.Verify([1, 2, 3], new byte[63]))!.Message,
            Is.EqualTo("Ed25519 signature must be 64 bytes; got 63."));
    }

    [Test]
    public void Json_path_text_rejects_null_arguments_by_name()
    {
        var root = JObject.Parse("{\"a\":1}");

        Assert.That(Assert.Throws<ArgumentNullException>(() => JsonPathText.Of(null!, root))!.ParamName, Is.EqualTo("root"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => JsonPathText.Of(root, null!))!.ParamName, Is.EqualTo("token"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => JsonPathText.Member(null!))!.ParamName, Is.EqualTo("name"));
    }
}
