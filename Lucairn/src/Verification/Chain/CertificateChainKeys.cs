using Shared.Crypto;

namespace Lucairn;

/// <summary>
/// The trust roots and options of <see cref="CertificateChainVerifier"/>: the witness key id and
/// key, one pinned key per service, the minimum signable version, the optional request binding
/// and the test-key switch. Keys are text: the canonical padded standard base64 of 32 bytes.
/// The keys are checked (lucairn-chain spec §3) once, on first use or by <see cref="Validate"/>,
/// and the loaded keys are reused for every later certificate. Immutable and thread-safe.
/// </summary>
public sealed class CertificateChainKeys
{
    private LoadedChainKeys? _loaded;

    /// <summary>The pinned witness key id (non-empty).</summary>
    public required string WitnessKeyId { get; init; }

    /// <summary>The witness public key: padded standard base64 of 32 bytes.</summary>
    public required string WitnessPublicKey { get; init; }

    /// <summary>Service id → public key (padded standard base64 of 32 bytes). A claim from a service not in this map FAILS the certificate.</summary>
    public IReadOnlyDictionary<string, string> ServicePublicKeys { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Null, empty or <c>v2</c> = policy default; <c>v3</c> = policy minimum_v3 (a v2-only certificate FAILS).</summary>
    public string? MinimumSignableVersion { get; init; }

    /// <summary>The expected (witness-signed) request id; null = not checked, an empty string is a value to compare.</summary>
    public string? ExpectedRequestId { get; init; }

    /// <summary>The expected (witness-signed) certificate id; null = not checked, an empty string is a value to compare.</summary>
    public string? ExpectedCertificateId { get; init; }

    /// <summary>Lets the public parity-corpus keys load. For test harnesses only.</summary>
    public bool AllowTestKeys { get; init; }

    /// <summary>Checks every option and key now (otherwise done on first use), in the upstream order: witness id, policy, witness key, then service keys in sorted id order.</summary>
    /// <exception cref="LucairnValidationException">An option is wrong (empty witness id, empty service id, unknown minimum version).</exception>
    /// <exception cref="LucairnPinnedKeyException">A key is refused.</exception>
    public void Validate() => _ = Load();

    internal LoadedChainKeys Load()
    {
        LoadedChainKeys? loaded = Volatile.Read(ref _loaded);
        if (loaded is not null)
        {
            return loaded;
        }

        loaded = LoadNow();
        Interlocked.CompareExchange(ref _loaded, loaded, null);
        return _loaded!;
    }

    private LoadedChainKeys LoadNow()
    {
        if (string.IsNullOrEmpty(WitnessKeyId))
        {
            throw new LucairnValidationException("CertificateChainKeys.WitnessKeyId must be a non-empty string.", "CertificateChainKeys.WitnessKeyId");
        }

        bool minimumV3 = MinimumSignableVersion switch
        {
            null or "" or "v2" => false,
            "v3" => true,
            _ => throw new LucairnValidationException($"CertificateChainKeys.MinimumSignableVersion must be null, \"v2\" or \"v3\"; got \"{MinimumSignableVersion}\".", "CertificateChainKeys.MinimumSignableVersion"),
        };

        Ed25519PublicKey witness = LoadKey(WitnessPublicKey, "witness");
        if (ServicePublicKeys is null)
        {
            throw new LucairnValidationException("CertificateChainKeys.ServicePublicKeys must not be null.", "CertificateChainKeys.ServicePublicKeys");
        }

        var services = new Dictionary<string, Ed25519PublicKey>(StringComparer.Ordinal);
        foreach (string serviceId in ServicePublicKeys.Keys.OrderBy(id => id, StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(serviceId))
            {
                throw new LucairnValidationException("CertificateChainKeys.ServicePublicKeys has an empty service id.", "CertificateChainKeys.ServicePublicKeys");
            }

            services[serviceId] = LoadKey(ServicePublicKeys[serviceId], serviceId);
        }

        return new LoadedChainKeys(WitnessKeyId, witness, services, minimumV3, ExpectedRequestId, ExpectedCertificateId);
    }

    private Ed25519PublicKey LoadKey(string? text, string which)
    {
        Ed25519KeyPolicyResult result = Ed25519KeyPolicy.Check(text, out byte[]? key);
        string? code = result switch
        {
            Ed25519KeyPolicyResult.Malformed => LucairnPinnedKeyException.KeyMalformed,
            Ed25519KeyPolicyResult.SmallOrder => LucairnPinnedKeyException.KeySmallOrder,
            Ed25519KeyPolicyResult.InvalidPoint => LucairnPinnedKeyException.KeyInvalidPoint,
            _ => null,
        };
        if (code is null && !AllowTestKeys && ChainTestKeys.Contains(key!))
        {
            code = LucairnPinnedKeyException.KeyTestKey;
        }

        if (code is not null)
        {
            throw new LucairnPinnedKeyException(code, which, $"{LucairnPinnedKeyException.ParamNameOf(which)}: the pinned key '{which}' is refused ({code}): {Describe(code)}");
        }

        return Ed25519PublicKey.FromRaw(key);
    }

    private static string Describe(string code) => code switch
    {
        LucairnPinnedKeyException.KeyMalformed => "it must be exactly the padded standard base64 of 32 bytes (no whitespace, hex, URL-safe alphabet or stray bits).",
        LucairnPinnedKeyException.KeySmallOrder => "it is a small-order point, which any signature could match.",
        LucairnPinnedKeyException.KeyInvalidPoint => "it is not the canonical encoding of an Ed25519 curve point.",
        _ => "it is a public parity-corpus test key whose private key is public; set AllowTestKeys only in a test harness.",
    };
}
