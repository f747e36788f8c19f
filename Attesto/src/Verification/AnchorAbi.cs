using System.Globalization;
using System.Numerics;
using System.Text;
using Shared.Crypto;

namespace Attesto;

/// <summary>
/// The little ABI the on-chain check needs (spec §15): a function selector from Keccak-256, one
/// 32-byte argument (<c>uint256</c> or <c>bytes32</c>), and the first 32-byte word of a result.
/// </summary>
internal static class AnchorAbi
{
    internal const string Uint256Signature = "getCommitment(uint256)";
    internal const string Bytes32Signature = "getCommitment(bytes32)";

    /// <summary>The 4-byte selector of a function signature, as 8 lowercase hex digits.</summary>
    internal static string Selector(string signature) => Hex.Encode(Hashes.Keccak256(Encoding.ASCII.GetBytes(signature)).AsSpan(0, 4));

    /// <summary>The signature to call for a batch id: bytes32 for 0x-prefixed 32-byte hex, uint256 otherwise.</summary>
    internal static string DefaultSignature(string batchId) =>
        IsBytes32(batchId) ? Bytes32Signature : Uint256Signature;

    /// <summary>Encodes <c>selector ‖ argument</c> as 0x-prefixed calldata.</summary>
    /// <exception cref="AttestoValidationException">The signature does not take exactly one uint256 or bytes32.</exception>
    /// <exception cref="AttestoValidationException">The batch id is not a shape the argument type accepts (the message names <c>batch_id</c>).</exception>
    internal static string EncodeCall(string signature, string batchId)
    {
        int open = signature.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !signature.EndsWith(')'))
        {
            throw new AttestoValidationException($"'{signature}' is not a function signature like getCommitment(uint256).", nameof(signature));
        }

        string type = signature[(open + 1)..^1];
        string argument = type switch
        {
            "uint256" => EncodeUint256(batchId),
            "bytes32" when IsBytes32(batchId) => batchId[2..].ToLowerInvariant(),
            "bytes32" => throw new AttestoValidationException($"batch_id '{batchId}' is not 0x followed by exactly 64 hex digits, as bytes32 needs."),
            _ => throw new AttestoValidationException($"'{signature}' must take exactly one uint256 or bytes32 argument.", nameof(signature)),
        };
        return "0x" + Selector(signature) + argument;
    }

    /// <summary>The first 32-byte word of an <c>eth_call</c> result as 64 lowercase hex digits, or null when shorter.</summary>
    internal static string? FirstWord(string? result)
    {
        if (result is null || !result.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || result.Length < 2 + 64)
        {
            return null;
        }

        string word = result.Substring(2, 64).ToLowerInvariant();
        return Hex.IsLowercaseHex(word, 32) ? word : null;
    }

    /// <summary>Normalises a hash for comparison: lowercase, without 0x.</summary>
    internal static string NormaliseHash(string hash) =>
        (hash.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hash[2..] : hash).ToLowerInvariant();

    /// <summary>Parses a block number given as decimal or 0x-hex.</summary>
    internal static BigInteger? ParseQuantity(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return BigInteger.TryParse("0" + value[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out BigInteger hex) ? hex : null;
        }

        return BigInteger.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out BigInteger dec) ? dec : null;
    }

    private static bool IsBytes32(string batchId) =>
        batchId.Length == 66 && batchId.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && Hex.TryDecode(batchId[2..].ToLowerInvariant(), out _);

    /// <summary>
    /// Encodes a uint256 argument from the shapes spec §15 and <see cref="AnchorEpoch.BatchId"/>
    /// allow: a non-negative decimal integer (digits only), or <c>0x</c> followed by exactly 64 hex
    /// digits (a full 32-byte word). Shorter or longer hex (<c>0x1234</c>, <c>0x0</c> + 64 digits) is refused.
    /// </summary>
    private static string EncodeUint256(string batchId)
    {
        if (IsBytes32(batchId))
        {
            return batchId[2..].ToLowerInvariant();
        }

        if (batchId.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            throw new AttestoValidationException($"batch_id '{batchId}' is 0x-hex but not exactly 64 hex digits; a uint256 is a decimal integer or 0x followed by 64 hex digits.");
        }

        if (batchId.Length == 0 || !batchId.All(char.IsAsciiDigit)
            || !BigInteger.TryParse(batchId, NumberStyles.None, CultureInfo.InvariantCulture, out BigInteger number)
            || number.GetByteCount(isUnsigned: true) > 32)
        {
            throw new AttestoValidationException($"batch_id '{batchId}' is not a non-negative decimal integer that fits uint256.");
        }

        byte[] word = new byte[32];
        number.TryWriteBytes(word.AsSpan(32 - number.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return Hex.Encode(word);
    }
}
