using Shared.Crypto;

namespace Lucairn;

/// <summary>The checked keys and options of a <see cref="CertificateChainKeys"/>, loaded once.</summary>
internal sealed record LoadedChainKeys(
    string WitnessKeyId,
    Ed25519PublicKey Witness,
    IReadOnlyDictionary<string, Ed25519PublicKey> Services,
    bool MinimumV3,
    string? ExpectedRequestId,
    string? ExpectedCertificateId);
