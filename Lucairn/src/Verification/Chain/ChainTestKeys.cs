namespace Lucairn;

/// <summary>
/// The ten public keys of the upstream parity corpus (keys.json: witness, seven services, two
/// unpinned). Their private keys follow from the public corpus seed, so a verifier refuses them
/// (<c>key_test_key</c>) unless <see cref="CertificateChainKeys.AllowTestKeys"/> is set.
/// </summary>
internal static class ChainTestKeys
{
    private static readonly HashSet<string> Hex = new(StringComparer.Ordinal)
    {
        "0c00dd7f7388397c61065d954399352a4f158024cd05586b5a896ab94bec9127", // witness_parity_v1
        "08460e2b68e534616afaa3b7e0bb2fd49ebcdc3ea8d313fbff387c084c5210fc", // dsa-ai
        "837e1b1051f0ed58ca62b45b6e52067e347bbe4b490f2aab7f9c497cb1d3c891", // dsa-audit
        "978a718011c008d6281136c921202029fd8616fdf62ec178e1167ee425ec6e69", // dsa-bridge
        "41fc088dbcdbe5a610b01b2ba7ed5d8728795de3bfc11a24c16710c5f82f49cf", // dsa-gateway
        "b9f8b70e35bd5e56e81643a24220c74456690c5a6f3e0c590b0e75ea536beca8", // dsa-reid-guard
        "b52fac7fed788b51ffa892c972b36f22f83607988943628c5d0862ac22ac28bb", // dsa-sanitizer
        "5c5e116b2150b60fe4f8d90c9ec4a796b03f98482feb7bd1ce2e862ab4924336", // dsa-sanitizer-streaming
        "fde45e479656b3ce1831c9c9924ee536bd6239eb696574da3c8cbf1044638a8d", // dsa-unpinned
        "f6818c747607739fda57332361990b35d5ea2ac351d40e5a369f1b99275dd40c", // rogue
    };

    internal static bool Contains(byte[] key) => Hex.Contains(Shared.Crypto.Hex.Encode(key));
}
