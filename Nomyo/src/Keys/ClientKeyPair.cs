using Shared.Crypto;

namespace Nomyo;

/// <summary>The client's RSA key pair (at least 2048 bits, enforced by <see cref="RsaPrivateKey"/>) with the two forms of its public key the protocol sends.</summary>
internal sealed class ClientKeyPair
{
    internal ClientKeyPair(RsaPrivateKey privateKey)
    {
        PrivateKey = privateKey;
        PublicKeyPem = privateKey.PublicKey.ToPem();
        PublicKeyHeader = EscapeForHeader(PublicKeyPem);
    }

    internal RsaPrivateKey PrivateKey { get; }

    /// <summary>The SubjectPublicKeyInfo PEM (<c>BEGIN PUBLIC KEY</c>, <c>\n</c> line ends).</summary>
    internal string PublicKeyPem { get; }

    /// <summary>The <c>X-Public-Key</c> value: the PEM percent-encoded like Python's <c>urllib.parse.quote</c> (<c>/</c> stays literal).</summary>
    internal string PublicKeyHeader { get; }

    /// <summary>
    /// <see cref="Uri.EscapeDataString(string)"/> (RFC 3986 unreserved characters stay, a space
    /// becomes <c>%20</c>, never <c>+</c>), then <c>%2F</c> back to <c>/</c> for byte parity with
    /// <c>quote</c>'s default safe set.
    /// </summary>
    internal static string EscapeForHeader(string pem) =>
        Uri.EscapeDataString(pem).Replace("%2F", "/", StringComparison.Ordinal);
}
