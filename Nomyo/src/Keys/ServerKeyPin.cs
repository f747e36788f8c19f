using Shared.Crypto;

namespace Nomyo;

/// <summary>A pinned server key: the SHA-256 of its DER SubjectPublicKeyInfo, as lowercase hex.</summary>
internal sealed class ServerKeyPin
{
    private ServerKeyPin(string spkiSha256Hex)
    {
        SpkiSha256Hex = spkiSha256Hex;
    }

    internal string SpkiSha256Hex { get; }

    /// <summary>Reads <see cref="NomyoClientOptions.ServerKeyPin"/>: 64 hex digits or a PEM public key.</summary>
    /// <exception cref="NomyoValidationException">The pin is neither.</exception>
    internal static ServerKeyPin? Parse(string? pin, string paramName)
    {
        if (pin is null)
        {
            return null;
        }

        string text = pin.Trim();
        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            try
            {
                return new ServerKeyPin(RsaPublicKey.FromPem(text).GetSpkiSha256Hex());
            }
            catch (CryptoException ex)
            {
                throw NomyoValidationException.For(paramName, $"is not a usable RSA public key PEM: {ex.Message}", ex);
            }
        }

        string lower = text.ToLowerInvariant();
        if (Hex.IsLowercaseHex(lower, Hashes.DigestSize))
        {
            return new ServerKeyPin(lower);
        }

        throw NomyoValidationException.For(paramName, "must be the 64-hex-digit SHA-256 of the server's SubjectPublicKeyInfo, or the server's PEM public key.");
    }

    /// <summary>Fails closed when <paramref name="key"/> is not the pinned key.</summary>
    /// <exception cref="NomyoSecurityException">The key does not match.</exception>
    internal void Verify(RsaPublicKey key, string baseUrl)
    {
        string actual = key.GetSpkiSha256Hex();
        if (!ConstantTime.EqualsAscii(actual, SpkiSha256Hex))
        {
            throw new NomyoSecurityException(
                NomyoSecurityReason.PinMismatch,
                $"The server public key from {baseUrl} does not match the pinned key (pinned SPKI SHA-256 {SpkiSha256Hex}, received {actual}). Refusing to encrypt to it.");
        }
    }
}
