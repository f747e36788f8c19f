using System.Text;
using Attesto.Http;
using Newtonsoft.Json.Linq;
using Shared.Crypto;
using Shared.Http;

namespace Attesto;

/// <summary>
/// Checks an anchor epoch against the chain itself (spec §15) with two raw JSON-RPC calls to a
/// node the caller chooses: <c>eth_call</c> of the contract's <c>getCommitment(batchId)</c> and
/// <c>eth_getTransactionReceipt</c> (and <c>eth_chainId</c> when you state the chain). No web3
/// library is involved. Set <see cref="AnchorVerificationOptions.ExpectedContractAddress"/> and
/// <see cref="AnchorVerificationOptions.ExpectedChainId"/>: without them the check trusts the
/// contract and chain the evidence names, and a hostile service can name a contract of its own.
/// </summary>
public static class Anchors
{
    /// <summary>
    /// Verifies that the anchor's Merkle root is what the contract stores for its batch id, and
    /// that the anchoring transaction succeeded, on that contract, in the stated block.
    /// </summary>
    /// <param name="anchorEpoch">The anchor epoch, e.g. from <c>AttestoV2Client.GetAnchorEpochAsync</c>.</param>
    /// <param name="rpcUrl">The caller's JSON-RPC endpoint (http or https).</param>
    /// <param name="options">Expected contract and chain id (set them: see <see cref="AnchorVerificationOptions.ExpectedContractAddress"/>), function signature override, HTTP client, mock opt-in; null for defaults.</param>
    /// <param name="cancellationToken">Cancels the RPC calls.</param>
    /// <returns>A report; <see cref="VerificationReport.Ok"/> is true only when every check passed.</returns>
    /// <exception cref="AttestoValidationException">The RPC URL is not an absolute http(s) URL, the signature override is not usable, the expected contract address is not 0x followed by 40 hex digits, or the expected chain id is negative.</exception>
    /// <exception cref="AttestoValidationException">The anchor's <c>batch_id</c> is not a shape its argument type accepts (a non-negative decimal integer, or 0x followed by exactly 64 hex digits).</exception>
    /// <exception cref="AttestoException">The node could not be reached, answered something other than a JSON-RPC result, or answered with more than 16 MiB (the answer is read as a stream and refused at that cap).</exception>
    public static async Task<AnchorVerificationReport> VerifyOnChainAsync(AnchorEpoch anchorEpoch, Uri rpcUrl, AnchorVerificationOptions? options = null, CancellationToken cancellationToken = default)
    {
        AttestoArguments.NotNull(anchorEpoch, nameof(anchorEpoch));
        AttestoArguments.NotNull(rpcUrl, nameof(rpcUrl));
        if (!rpcUrl.IsAbsoluteUri || (rpcUrl.Scheme != Uri.UriSchemeHttp && rpcUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new AttestoValidationException($"The RPC URL '{rpcUrl}' must be an absolute http or https URL.", nameof(rpcUrl));
        }

        options ??= new AnchorVerificationOptions();
        string? expectedContract = AnchorExpectations.CheckContract(options.ExpectedContractAddress, nameof(options));
        AnchorExpectations.CheckChainId(options.ExpectedChainId, nameof(options));

        var problems = new List<string>();
        if (anchorEpoch.Mock == true && !options.AllowMock)
        {
            problems.Add("mock anchor");
        }

        if (!string.Equals(anchorEpoch.Status, "confirmed", StringComparison.Ordinal))
        {
            problems.Add("anchor not confirmed");
        }

        string? contract = Required(anchorEpoch.ContractAddress, "contract_address", problems);
        if (expectedContract is not null && contract is not null && !AnchorExpectations.SameAddress(contract, expectedContract))
        {
            problems.Add($"contract address mismatch: the anchor names {contract}, expected {expectedContract}");
        }

        if (options.ExpectedChainId is { } chainId && anchorEpoch.ChainId is not null && !AnchorExpectations.SameChain(anchorEpoch.ChainId, chainId))
        {
            problems.Add($"chain id mismatch: the anchor states {anchorEpoch.ChainId}, expected {chainId}");
        }

        // With an expected contract, ask that contract (not the one the evidence names) for the root.
        string? callee = expectedContract ?? contract;
        string? batchId = Required(anchorEpoch.BatchId, "batch_id", problems);
        string? root = Required(anchorEpoch.MerkleRoot, "merkle_root", problems);
        string? txHash = Required(anchorEpoch.TxHash, "tx_hash", problems);
        string? calldata = batchId is null ? null : AnchorAbi.EncodeCall(options.FunctionSignature ?? AnchorAbi.DefaultSignature(batchId), batchId);

        HttpClient? owned = options.HttpClient is null ? new HttpClient() : null;
        try
        {
            var rpc = new JsonRpc(options.HttpClient ?? owned!, rpcUrl);
            if (options.ExpectedChainId is { } expectedChain)
            {
                JToken nodeChain = await rpc.CallAsync("eth_chainId", [], cancellationToken).ConfigureAwait(false);
                string? nodeChainText = nodeChain.Type == JTokenType.String ? (string?)nodeChain : null;
                if (AnchorAbi.ParseQuantity(nodeChainText) != expectedChain)
                {
                    problems.Add($"chain id mismatch: the node is on chain {nodeChainText ?? "(none)"}, expected {expectedChain}");
                }
            }

            string? onChainRoot = null;
            if (callee is not null && calldata is not null && root is not null)
            {
                JToken result = await rpc.CallAsync("eth_call", new JArray(new JObject { ["to"] = callee, ["data"] = calldata }, "latest"), cancellationToken).ConfigureAwait(false);
                onChainRoot = AnchorAbi.FirstWord(result.Type == JTokenType.String ? (string?)result : null);
                if (onChainRoot is null || onChainRoot != AnchorAbi.NormaliseHash(root))
                {
                    problems.Add("on-chain root mismatch");
                }
            }

            string? block = null;
            if (txHash is not null)
            {
                JToken receipt = await rpc.CallAsync("eth_getTransactionReceipt", new JArray(txHash), cancellationToken).ConfigureAwait(false);
                block = CheckReceipt(receipt, anchorEpoch, problems, expectedContract);
            }

            return new AnchorVerificationReport(problems, onChainRoot, block);
        }
        finally
        {
            owned?.Dispose();
        }
    }

    /// <summary>Applies the transaction-receipt checks; returns the receipt's block number.</summary>
    internal static string? CheckReceipt(JToken receipt, AnchorEpoch anchorEpoch, List<string> problems, string? expectedContract = null)
    {
        if (receipt is not JObject tx)
        {
            problems.Add("transaction not found");
            return null;
        }

        if (!string.Equals((string?)tx["status"], "0x1", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("transaction reverted");
        }

        if (tx["to"] is JValue { Type: JTokenType.String } to && anchorEpoch.ContractAddress is not null
            && !AnchorExpectations.SameAddress((string)to!, anchorEpoch.ContractAddress))
        {
            problems.Add("contract mismatch");
        }

        if (expectedContract is not null && (tx["to"] is not JValue { Type: JTokenType.String } sentTo || !AnchorExpectations.SameAddress((string)sentTo!, expectedContract)))
        {
            problems.Add($"contract address mismatch: the anchoring transaction was not sent to {expectedContract}");
        }

        string? block = (string?)tx["blockNumber"];
        if (anchorEpoch.BlockNumber is not null)
        {
            var stated = AnchorAbi.ParseQuantity(anchorEpoch.BlockNumber);
            if (stated is null || stated != AnchorAbi.ParseQuantity(block))
            {
                problems.Add("block mismatch");
            }
        }

        return block;
    }

    private static string? Required(string? value, string field, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"anchor has no {field}");
            return null;
        }

        return value;
    }

    private sealed class JsonRpc(HttpClient http, Uri url)
    {
        /// <summary>The most bytes of a node's answer read: the client's caps (a longer error body is cut, a longer result refused).</summary>
        private static readonly BodyCaps Caps = new(AttestoHttpHandler.MaxResponseBytes, AttestoHttpHandler.MaxErrorBodyBytes);

        private int _id;

        internal async Task<JToken> CallAsync(string method, JArray parameters, CancellationToken cancellationToken)
        {
            var request = new JObject { ["jsonrpc"] = "2.0", ["id"] = ++_id, ["method"] = method, ["params"] = parameters };
            using var message = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(request.ToString(Newtonsoft.Json.Formatting.None), Encoding.UTF8, "application/json"),
            };
            string text;
            int status;
            bool overCap;
            try
            {
                // Headers first, then a capped read: the node is the caller's choice, but its answer
                // must not make the verifier hold an unbounded body.
                using HttpResponseMessage response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
                (byte[] body, overCap) = await BoundedBody.ReadAsync(response.Content, Caps.For(status), cancellationToken).ConfigureAwait(false);
                text = Encoding.UTF8.GetString(body);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                throw new AttestoException($"The JSON-RPC node at {url.GetLeftPart(UriPartial.Authority)} could not be reached for {method}: {ex.Message}", innerException: ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new AttestoException($"The JSON-RPC node at {url.GetLeftPart(UriPartial.Authority)} did not answer {method} in time.", innerException: ex);
            }

            if (status is < 200 or > 299)
            {
                throw new AttestoException($"The JSON-RPC node answered HTTP {status} to {method}: {Truncate(text)}");
            }

            if (overCap)
            {
                throw new AttestoException($"The JSON-RPC node answered {method} with more than {Caps.Success} bytes, over the verifier's cap; nothing of it was parsed.");
            }

            JToken answer;
            try
            {
                answer = WireJson.Parse(text);
            }
            catch (CanonicalJsonException ex)
            {
                throw new AttestoException($"The JSON-RPC node answered {method} (HTTP {status}) with invalid JSON: {ex.Message}", ex);
            }

            if (answer is not JObject envelope || envelope["error"] is JObject || !envelope.ContainsKey("result"))
            {
                string reason = (answer as JObject)?["error"]?["message"]?.ToString() ?? "no result";
                throw new AttestoException($"The JSON-RPC node rejected {method}: {Truncate(reason)}.");
            }

            return envelope["result"]!;
        }

        private static string Truncate(string text) => text.Length <= 256 ? text : text[..256] + "…";
    }
}
