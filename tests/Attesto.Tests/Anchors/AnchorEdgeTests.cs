using System.Net;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace Attesto.Tests.Anchors;

/// <summary>The ABI and expectation guards, the missing-field problems and the JSON-RPC envelope of the on-chain check.</summary>
public class AnchorEdgeTests
{
    private const string Root = "6c3dbb273d552d4af3e933c524e0c96934ed25f733b30698fe085e09062def00";
    private const string Contract = "0x00000000000000000000000000000000000a7e57";
    private const string Tx = "0x1111111111111111111111111111111111111111111111111111111111111111";
    private static readonly Uri Rpc = new("http://127.0.0.1:1/rpc");

    private static AnchorEpoch Anchor(string? contractAddress = Contract, string? batchId = "42", string? merkleRoot = Root, string? txHash = Tx) =>
        AttestoModelFactory.AnchorEpoch(
            "aep_1", status: "confirmed", contractAddress: contractAddress, batchId: batchId, merkleRoot: merkleRoot, txHash: txHash, blockNumber: "16");

    private static JObject GoodReceipt() => new() { ["status"] = "0x1", ["blockNumber"] = "0x10", ["to"] = Contract };

    /// <summary>A node answering each method with a result token (or a raw HTTP answer), recording every request.</summary>
    private static (HttpClient Http, List<JObject> Calls) Node(Func<JObject, HttpResponseMessage> answer)
    {
        var calls = new List<JObject>();
        var handler = new MockHttpMessageHandler();
        handler.When(HttpMethod.Post, Rpc.ToString()).Respond(request =>
        {
            var call = JObject.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult());
            calls.Add(call);
            return answer(call);
        });
        return (handler.ToHttpClient(), calls);
    }

    private static HttpResponseMessage Json(string text, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(text, System.Text.Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Result(JObject call, JToken result) =>
        Json(new JObject { ["jsonrpc"] = "2.0", ["id"] = call["id"], ["result"] = result }.ToString());

    private static (HttpClient Http, List<JObject> Calls) GoodNode(JToken? chainId = null) => Node(call => Result(call, (string)call["method"]! switch
    {
        "eth_call" => "0x" + Root,
        "eth_chainId" => chainId ?? "0x1",
        _ => GoodReceipt(),
    }));

    // AnchorAbi

    [Test]
    public void A_signature_without_a_name_or_closing_parenthesis_is_refused_with_its_message()
    {
        var nameless = Assert.Throws<AttestoValidationException>(() => AnchorAbi.EncodeCall("(uint256)", "1"));
        Assert.That(nameless!.Message, Is.EqualTo("'(uint256)' is not a function signature like getCommitment(uint256)."));
        Assert.That(nameless.ParamName, Is.EqualTo("signature"));

        var unclosed = Assert.Throws<AttestoValidationException>(() => AnchorAbi.EncodeCall("getCommitment(uint256", "1"));
        Assert.That(unclosed!.Message, Is.EqualTo("'getCommitment(uint256' is not a function signature like getCommitment(uint256)."));
    }

    [Test]
    public void A_signature_with_another_argument_type_names_the_accepted_types()
    {
        var error = Assert.Throws<AttestoValidationException>(() => AnchorAbi.EncodeCall("getCommitment(address)", "1"));
        Assert.That(error!.Message, Is.EqualTo("'getCommitment(address)' must take exactly one uint256 or bytes32 argument."));
    }

    [Test]
    public void First_word_needs_the_0x_prefix_and_hex_digits()
    {
        Assert.That(AnchorAbi.FirstWord("0x" + Root.ToUpperInvariant()), Is.EqualTo(Root));
        Assert.That(AnchorAbi.FirstWord("ab" + Root), Is.Null);
        Assert.That(AnchorAbi.FirstWord("0x" + new string('g', 64)), Is.Null);
    }

    [Test]
    public void Quantity_parsing_of_nothing_is_null()
    {
        Assert.That(AnchorAbi.ParseQuantity(null), Is.Null);
        Assert.That(AnchorAbi.ParseQuantity(" "), Is.Null);
        Assert.That(AnchorAbi.ParseQuantity("0x10"), Is.EqualTo(new System.Numerics.BigInteger(16)));
        Assert.That(AnchorAbi.ParseQuantity("16"), Is.EqualTo(new System.Numerics.BigInteger(16)));
    }

    [Test]
    public void A_66_character_decimal_batch_id_is_a_uint256_not_bytes32()
    {
        string decimalId = "12" + new string('3', 64);
        Assert.That(AnchorAbi.DefaultSignature(decimalId), Is.EqualTo(AnchorAbi.Uint256Signature));
        Assert.That(AnchorAbi.DefaultSignature("0x" + Root), Is.EqualTo(AnchorAbi.Bytes32Signature));
    }

    // AnchorExpectations

    [Test]
    public void Chain_id_zero_is_allowed_and_a_negative_one_is_named()
    {
        Assert.DoesNotThrow(() => AnchorExpectations.CheckChainId(0, "options"));
        var error = Assert.Throws<AttestoValidationException>(() => AnchorExpectations.CheckChainId(-1, "options"));
        Assert.That(error!.Message, Is.EqualTo("The expected chain id -1 must not be negative."));
        Assert.That(error.ParamName, Is.EqualTo("options"));
    }

    [Test]
    public void Bundle_anchor_fields_are_read_by_their_snake_and_camel_case_names()
    {
        var asText = new JObject { ["contract_address"] = Contract, ["chain_id"] = "0x1" }; // a quantity only the text reading accepts
        var asNumber = new JObject { ["contract_address"] = Contract.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal), ["chain_id"] = 1 };
        Assert.That(AnchorExpectations.Problems(asText, "a1", Contract, 1), Is.Empty);
        Assert.That(AnchorExpectations.Problems(asNumber, "a1", Contract, 1), Is.Empty);
        Assert.That(AnchorExpectations.Problems(new JObject { ["chainId"] = "0x1" }, "a1", null, 1), Is.Empty);
        Assert.That(AnchorExpectations.Problems(new JObject { ["chainId"] = 1 }, "a1", null, 1), Is.Empty);
    }

    [Test]
    public void Bundle_anchor_without_contract_or_chain_says_so()
    {
        Assert.That(AnchorExpectations.Problems(new JObject(), "a1", Contract, 1), Is.EqualTo(new[]
        {
            $"contract address mismatch: anchor a1 names no contract, expected {Contract}",
            "chain id mismatch: anchor a1 states no chain id, expected 1",
        }));
        Assert.That(AnchorExpectations.Problems(new JObject(), "a1", null, null), Is.Empty);
    }

    // Anchors.VerifyOnChainAsync

    [Test]
    public async Task A_null_or_non_http_rpc_url_is_a_typed_error_with_its_message()
    {
        var missing = await Assert.ThrowsAsync<AttestoValidationException>(() => Attesto.Anchors.VerifyOnChainAsync(Anchor(), null!));
        Assert.That(missing!.ParamName, Is.EqualTo("rpcUrl"));

        var ftp = await Assert.ThrowsAsync<AttestoValidationException>(() => Attesto.Anchors.VerifyOnChainAsync(Anchor(), new Uri("ftp://node/")));
        Assert.That(ftp!.Message, Is.EqualTo("The RPC URL 'ftp://node/' must be an absolute http or https URL."));
    }

    [Test]
    public async Task An_anchor_without_its_fields_names_each_one_and_asks_the_node_nothing()
    {
        var (http, calls) = GoodNode();
        using (http)
        {
            var report = await Attesto.Anchors.VerifyOnChainAsync(Anchor(null, null, null, null), Rpc, new AnchorVerificationOptions { HttpClient = http });

            Assert.That(report.Problems, Is.EqualTo(new[]
            {
                "anchor has no contract_address", "anchor has no batch_id", "anchor has no merkle_root", "anchor has no tx_hash",
            }));
            Assert.That(calls, Is.Empty);
        }
    }

    [Test]
    public async Task Without_a_contract_or_a_root_the_root_is_not_asked_for()
    {
        var (http, calls) = GoodNode();
        using (http)
        {
            var noContract = await Attesto.Anchors.VerifyOnChainAsync(Anchor(contractAddress: null), Rpc, new AnchorVerificationOptions { HttpClient = http });
            Assert.That(noContract.Problems, Is.EqualTo(new[] { "anchor has no contract_address" }));
            Assert.That(noContract.OnChainRoot, Is.Null);
            Assert.That(calls.Select(c => (string)c["method"]!), Is.EqualTo(new[] { "eth_getTransactionReceipt" }));

            calls.Clear();
            var noRoot = await Attesto.Anchors.VerifyOnChainAsync(Anchor(merkleRoot: null), Rpc, new AnchorVerificationOptions { HttpClient = http });
            Assert.That(noRoot.Problems, Is.EqualTo(new[] { "anchor has no merkle_root" }));
            Assert.That(calls.Select(c => (string)c["method"]!), Is.EqualTo(new[] { "eth_getTransactionReceipt" }));
        }
    }

    [Test]
    public async Task The_signature_override_wins_over_the_batch_id_shape()
    {
        var (http, calls) = GoodNode();
        using (http)
        {
            await Attesto.Anchors.VerifyOnChainAsync(Anchor(batchId: "0x" + Root), Rpc, new AnchorVerificationOptions { HttpClient = http, FunctionSignature = AnchorAbi.Uint256Signature });
            Assert.That((string)calls[0]["params"]![0]!["data"]!, Is.EqualTo("0x69bcdb7d" + Root));
        }
    }

    [Test]
    public async Task Requests_are_json_rpc_2_with_increasing_ids()
    {
        var (http, calls) = GoodNode();
        using (http)
        {
            await Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = http, ExpectedChainId = 1 });
            Assert.That(calls.Select(c => (string)c["jsonrpc"]!), Is.All.EqualTo("2.0"));
            Assert.That(calls.Select(c => (int)c["id"]!), Is.EqualTo(new[] { 1, 2, 3 }));
        }
    }

    [Test]
    public async Task A_chain_id_that_is_not_a_quantity_string_is_a_mismatch()
    {
        var (http, _) = GoodNode(chainId: 1);
        using (http)
        {
            var report = await Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = http, ExpectedChainId = 1 });
            Assert.That(report.Problems, Is.EqualTo(new[] { "chain id mismatch: the node is on chain (none), expected 1" }));
        }
    }

    [TestCase(201)]
    [TestCase(299)]
    public async Task Every_2xx_status_is_an_answer(int status)
    {
        var (http, _) = Node(call => Json(
            new JObject { ["jsonrpc"] = "2.0", ["id"] = call["id"], ["result"] = (string)call["method"]! == "eth_call" ? "0x" + Root : GoodReceipt() }.ToString(),
            (HttpStatusCode)status));
        using (http)
        {
            var report = await Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = http });
            Assert.That(report.Problems, Is.Empty);
        }
    }

    [Test]
    public async Task A_long_error_body_is_cut_at_256_characters_and_a_256_character_one_is_kept()
    {
        string exact = new('x', 256);
        var (http, _) = Node(_ => Json(exact, HttpStatusCode.InternalServerError));
        using (http)
        {
            var error = await Assert.ThrowsAsync<AttestoException>(() => Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = http }));
            Assert.That(error!.Message, Is.EqualTo("The JSON-RPC node answered HTTP 500 to eth_call: " + exact));
        }

        var (longHttp, _) = Node(_ => Json(new string('y', 300), HttpStatusCode.BadGateway));
        using (longHttp)
        {
            var error = await Assert.ThrowsAsync<AttestoException>(() => Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = longHttp }));
            Assert.That(error!.Message, Is.EqualTo("The JSON-RPC node answered HTTP 502 to eth_call: " + new string('y', 256) + "…"));
        }
    }

    [Test]
    public async Task Unreachable_node_invalid_json_and_missing_result_are_named()
    {
        var handler = new MockHttpMessageHandler();
        handler.When("*").Throw(new HttpRequestException("refused"));
        using (HttpClient http = handler.ToHttpClient())
        {
            var error = await Assert.ThrowsAsync<AttestoException>(() => Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = http }));
            Assert.That(error!.Message, Is.EqualTo("The JSON-RPC node at http://127.0.0.1:1 could not be reached for eth_call: refused"));
        }

        var (invalid, _) = Node(_ => Json("{not json"));
        using (invalid)
        {
            var error = await Assert.ThrowsAsync<AttestoException>(() => Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = invalid }));
            Assert.That(error!.Message, Does.StartWith("The JSON-RPC node answered eth_call (HTTP 200) with invalid JSON: "));
        }

        var (noResult, _) = Node(call => Json(new JObject { ["jsonrpc"] = "2.0", ["id"] = call["id"] }.ToString()));
        using (noResult)
        {
            var error = await Assert.ThrowsAsync<AttestoException>(() => Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = noResult }));
            Assert.That(error!.Message, Is.EqualTo("The JSON-RPC node rejected eth_call: no result."));
        }
    }

    [Test]
    public async Task An_error_object_wins_over_a_result()
    {
        var (http, _) = Node(call => Json(new JObject
        {
            ["jsonrpc"] = "2.0", ["id"] = call["id"], ["result"] = "0x" + Root, ["error"] = new JObject { ["code"] = -32000, ["message"] = "nope" },
        }.ToString()));
        using (http)
        {
            var error = await Assert.ThrowsAsync<AttestoException>(() => Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = http }));
            Assert.That(error!.Message, Is.EqualTo("The JSON-RPC node rejected eth_call: nope."));
        }
    }
}
