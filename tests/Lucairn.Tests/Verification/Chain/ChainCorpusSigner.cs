using System.Security.Cryptography;
using System.Text;
using Shared.Crypto;

namespace Lucairn.Tests.Verification.Chain;

/// <summary>
/// The corpus test keys' private halves, derived as keys.json documents
/// (Ed25519 seed = sha256("lucairn-parity-corpus|&lt;manifest seed&gt;|&lt;label&gt;")), to sign edited certificates.
/// </summary>
internal static class ChainCorpusSigner
{
    internal static Ed25519PrivateKey Key(string label)
    {
        string seed = (string)ChainCorpus.Manifest["seed"]!;
        return Ed25519PrivateKey.FromBytes(SHA256.HashData(Encoding.UTF8.GetBytes($"lucairn-parity-corpus|{seed}|{label}")));
    }

    internal static string Sign(string label, byte[] message) => Convert.ToBase64String(Key(label).Sign(message));
}
