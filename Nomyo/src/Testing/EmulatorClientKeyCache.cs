using System.Collections.Concurrent;
using Shared.Crypto;

namespace Nomyo.Testing;

/// <summary>
/// Parsed client keys by raw <c>X-Public-Key</c> header. Parsing an RSA-4096 public key costs
/// about as much as a private-key operation (BouncyCastle checks the modulus is not prime), and a
/// client sends the same key on every call, so the emulator parses each key once. Bounded.
/// </summary>
internal sealed class EmulatorClientKeyCache
{
    private const int Capacity = 1024;
    private readonly ConcurrentDictionary<string, RsaPublicKey> _keys = new(StringComparer.Ordinal);

    /// <summary>The key for a header value.</summary>
    /// <exception cref="CryptoException">The header is not a percent-encoded PEM RSA public key.</exception>
    internal RsaPublicKey Get(string header)
    {
        if (_keys.TryGetValue(header, out RsaPublicKey? key))
        {
            return key;
        }

        key = RsaPublicKey.FromPem(Uri.UnescapeDataString(header));
        if (_keys.Count >= Capacity)
        {
            _keys.Clear();
        }

        _keys[header] = key;
        return key;
    }
}
