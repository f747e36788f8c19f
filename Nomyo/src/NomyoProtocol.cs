namespace Nomyo;

/// <summary>The constants of the NOMYO hybrid-encryption wire format (spec §2), shared by the client and the emulator.</summary>
public static class NomyoProtocol
{
    /// <summary>The package <c>version</c> field. Any other value in a response is a downgrade.</summary>
    public const string Version = "1.0";

    /// <summary>The package <c>algorithm</c> field. Any other value in a response is a downgrade.</summary>
    public const string Algorithm = "hybrid-aes256-rsa4096";

    /// <summary>The package <c>key_algorithm</c> field.</summary>
    public const string KeyAlgorithm = "RSA-OAEP-SHA256";

    /// <summary>The package <c>payload_algorithm</c> field.</summary>
    public const string PayloadAlgorithm = "AES-256-GCM";

    /// <summary>The largest serialized request payload, in bytes (10 × 1024 × 1024).</summary>
    public const int MaxPayloadBytes = 10 * 1024 * 1024;

    /// <summary>The client RSA key size in bits.</summary>
    public const int ClientKeySizeBits = 4096;

    /// <summary>The smallest server RSA key accepted, in bits.</summary>
    public const int MinimumServerKeySizeBits = 2048;

    /// <summary>The path of the server public key endpoint.</summary>
    public const string PublicKeyPath = "/pki/public_key";

    /// <summary>The path of the secure completion endpoint.</summary>
    public const string SecureCompletionPath = "/v1/chat/secure_completion";

    /// <summary>The private key file name inside a key directory.</summary>
    public const string PrivateKeyFileName = "private_key.pem";

    /// <summary>The public key file name inside a key directory.</summary>
    public const string PublicKeyFileName = "public_key.pem";
}
