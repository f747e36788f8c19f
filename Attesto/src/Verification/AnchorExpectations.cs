using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>The caller's expected anchoring contract and chain, shared by the on-chain and the bundle checks.</summary>
internal static class AnchorExpectations
{
    /// <summary>Checks an expected contract address: null, or 0x followed by 40 hex digits.</summary>
    /// <exception cref="AttestoValidationException">The address is malformed.</exception>
    internal static string? CheckContract(string? expected, string paramName)
    {
        if (expected is not null
            && (expected.Length != 42 || !expected.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !expected[2..].All(char.IsAsciiHexDigit)))
        {
            throw new AttestoValidationException($"The expected contract address '{expected}' must be 0x followed by 40 hex digits.", paramName);
        }

        return expected;
    }

    /// <summary>Checks an expected chain id: null or not negative.</summary>
    /// <exception cref="AttestoValidationException">The chain id is negative.</exception>
    internal static void CheckChainId(long? expected, string paramName)
    {
        if (expected is < 0)
        {
            throw new AttestoValidationException($"The expected chain id {expected} must not be negative.", paramName);
        }
    }

    /// <summary>Whether two addresses are the same 20 bytes: compared as hex, so letter case (EIP-55 checksums) does not matter.</summary>
    internal static bool SameAddress(string a, string b) =>
        string.Equals(AnchorAbi.NormaliseHash(a.Trim()), AnchorAbi.NormaliseHash(b.Trim()), StringComparison.Ordinal);

    /// <summary>Whether a stated chain id (decimal or 0x quantity) is <paramref name="expected"/>.</summary>
    internal static bool SameChain(string? stated, long expected) => AnchorAbi.ParseQuantity(stated) == expected;

    /// <summary>The problems of one bundle anchor object against the expectations (none when nothing is expected).</summary>
    internal static IEnumerable<string> Problems(JObject anchor, string anchorId, string? expectedContract, long? expectedChainId)
    {
        if (expectedContract is not null)
        {
            string? contract = JsonFields.Text(anchor, "contract_address", "contractAddress");
            if (contract is null || !SameAddress(contract, expectedContract))
            {
                yield return $"contract address mismatch: anchor {anchorId} names {contract ?? "no contract"}, expected {expectedContract}";
            }
        }

        if (expectedChainId is { } chainId)
        {
            string? chain = JsonFields.Text(anchor, "chain_id", "chainId") ?? JsonFields.Integer(anchor, "chain_id", "chainId")?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!SameChain(chain, chainId))
            {
                yield return $"chain id mismatch: anchor {anchorId} states {chain ?? "no chain id"}, expected {chainId}";
            }
        }
    }
}
