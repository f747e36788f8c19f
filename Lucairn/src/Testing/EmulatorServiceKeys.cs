using Shared.Crypto;

namespace Lucairn.Testing;

/// <summary>
/// The per-instance Ed25519 keys of the services the emulator simulates (freshly generated, so
/// never one of the public corpus test keys), by service id.
/// </summary>
internal sealed class EmulatorServiceKeys
{
    internal const string Bridge = "dsa-bridge";
    internal const string Sanitizer = "dsa-sanitizer";
    internal const string Ai = "dsa-ai";
    internal const string Audit = "dsa-audit";

    /// <summary>A service the emulator signs for only under <see cref="EmulatorCertificateFault.UnknownService"/>; its key is never exposed.</summary>
    internal const string Unpinned = "dsa-reid-guard";

    private readonly Dictionary<string, Ed25519PrivateKey> _keys = new(StringComparer.Ordinal)
    {
        [Bridge] = Ed25519PrivateKey.Generate(),
        [Sanitizer] = Ed25519PrivateKey.Generate(),
        [Ai] = Ed25519PrivateKey.Generate(),
        [Audit] = Ed25519PrivateKey.Generate(),
    };

    internal EmulatorServiceKeys()
    {
        PublicKeys = _keys.ToDictionary(pair => pair.Key, pair => pair.Value.PublicKey.ToBase64(), StringComparer.Ordinal).AsReadOnly();
    }

    /// <summary>Service id → public key (padded standard base64 of 32 bytes).</summary>
    internal IReadOnlyDictionary<string, string> PublicKeys { get; }

    /// <summary>A key nobody pins (signs the unknown service's claim and the forged witness signatures).</summary>
    internal Ed25519PrivateKey Stranger { get; } = Ed25519PrivateKey.Generate();

    /// <summary>The signing key of a simulated service, or <see cref="Stranger"/> for any other id.</summary>
    internal Ed25519PrivateKey For(string serviceId) => _keys.TryGetValue(serviceId, out Ed25519PrivateKey? key) ? key : Stranger;
}
