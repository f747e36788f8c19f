using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace Attesto.Tests.Anchors;

public class AnchorsVerifyOnChainTests
{
    private const string Root = "6c3dbb273d552d4af3e933c524e0c96934ed25f733b30698fe085e09062def00";
    private const string Contract = "0x00000000000000000000000000000000000a7e57";
    private const string Tx = "0x1111111111111111111111111111111111111111111111111111111111111111";
    private static readonly Uri Rpc = new("http://127.0.0.1:1/rpc");

    private static AnchorEpoch Anchor(string status = "confirmed", bool? mock = null, string? chainId = null, string contractAddress = Contract, string batchId = "42") =>
        AttestoModelFactory.AnchorEpoch(
            "aep_1", status: status, contractAddress: contractAddress, batchId: batchId, merkleRoot: Root, txHash: Tx, blockNumber: "16", chainId: chainId, mock: mock);

    private static (MockHttpMessageHandler Handler, List<JObject> Calls) Node(JToken callResult, JToken receipt, string chainId = "0x1")
    {
        var calls = new List<JObject>();
        var handler = new MockHttpMessageHandler();
        handler.When(HttpMethod.Post, Rpc.ToString()).Respond(request =>
        {
            var call = JObject.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult());
            calls.Add(call);
            JToken result = (string)call["method"]! switch { "eth_call" => callResult, "eth_chainId" => chainId, _ => receipt };
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent(new JObject { ["jsonrpc"] = "2.0", ["id"] = call["id"], ["result"] = result }.ToString(), System.Text.Encoding.UTF8, "application/json"),
            };
        });
        return (handler, calls);
    }

    private static JObject GoodReceipt() => new() { ["status"] = "0x1", ["blockNumber"] = "0x10", ["to"] = Contract.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal) };

    [Test]
    public async Task Matching_chain_passes_and_sends_the_documented_calls()
    {
        var (handler, calls) = Node("0x" + Root + new string('0', 64), GoodReceipt());
        using var http = handler.ToHttpClient();

        var report = await Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = http });

        Assert.That(report.Problems, Is.Empty);
        Assert.That(report.Ok, Is.True);
        Assert.That(report.OnChainRoot, Is.EqualTo(Root));
        Assert.That(calls, Has.Count.EqualTo(2));
        Assert.That((string)calls[0]["method"]!, Is.EqualTo("eth_call"));
        Assert.That((string)calls[0]["params"]![0]!["to"]!, Is.EqualTo(Contract));
        Assert.That((string)calls[0]["params"]![0]!["data"]!, Is.EqualTo("0x69bcdb7d" + 42.ToString("x64")));
        Assert.That((string)calls[0]["params"]![1]!, Is.EqualTo("latest"));
        Assert.That((string)calls[1]["method"]!, Is.EqualTo("eth_getTransactionReceipt"));
        Assert.That((string)calls[1]["params"]![0]!, Is.EqualTo(Tx));
    }

    [Test]
    public async Task Every_mismatch_is_reported()
    {
        var receipt = new JObject { ["status"] = "0x0", ["blockNumber"] = "0x11", ["to"] = "0x00000000000000000000000000000000000bad00" };
        var (handler, _) = Node("0x" + new string('f', 64), receipt);
        using var http = handler.ToHttpClient();
        AnchorEpoch anchor = Anchor(status: "pending", mock: true);

        var report = await Attesto.Anchors.VerifyOnChainAsync(anchor, Rpc, new AnchorVerificationOptions { HttpClient = http });

        Assert.That(report.Ok, Is.False);
        Assert.That(report.Problems, Is.EquivalentTo(new[]
        {
            "mock anchor", "anchor not confirmed", "on-chain root mismatch", "transaction reverted", "contract mismatch", "block mismatch",
        }));
    }

    [Test]
    public async Task A_call_result_that_is_not_a_string_is_a_root_mismatch()
    {
        var (handler, _) = Node(new JObject { ["root"] = Root }, GoodReceipt());
        using var http = handler.ToHttpClient();

        var report = await Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = http });

        Assert.That(report.Problems, Is.EqualTo(new[] { "on-chain root mismatch" }));
        Assert.That(report.OnChainRoot, Is.Null);
    }

    [Test]
    public async Task Missing_transaction_and_empty_call_result_fail_closed()
    {
        var (handler, _) = Node("0x", JValue.CreateNull());
        using var http = handler.ToHttpClient();

        var report = await Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = http });

        Assert.That(report.Problems, Is.EqualTo(new[] { "on-chain root mismatch", "transaction not found" }));
    }

    [Test]
    public async Task Expected_contract_and_chain_pass_when_they_match_in_any_letter_case()
    {
        var (handler, calls) = Node("0x" + Root + new string('0', 64), GoodReceipt(), chainId: "0x1");
        using var http = handler.ToHttpClient();
        AnchorEpoch anchor = Anchor(chainId: "1");

        var report = await Attesto.Anchors.VerifyOnChainAsync(
            anchor, Rpc, new AnchorVerificationOptions { HttpClient = http, ExpectedContractAddress = "0x00000000000000000000000000000000000A7E57", ExpectedChainId = 1 });

        Assert.That(report.Problems, Is.Empty);
        Assert.That(calls.Select(c => (string)c["method"]!), Is.EquivalentTo(new[] { "eth_chainId", "eth_call", "eth_getTransactionReceipt" }));
    }

    [Test]
    public async Task A_contract_the_evidence_names_but_you_do_not_expect_fails()
    {
        const string Hostile = "0x00000000000000000000000000000000000bad00";
        var (handler, calls) = Node("0x" + Root, new JObject { ["status"] = "0x1", ["blockNumber"] = "0x10", ["to"] = Hostile });
        using var http = handler.ToHttpClient();
        AnchorEpoch anchor = Anchor(contractAddress: Hostile); // the service names its own contract, which holds whatever root it likes

        var unchecked_ = await Attesto.Anchors.VerifyOnChainAsync(anchor, Rpc, new AnchorVerificationOptions { HttpClient = http });
        Assert.That(unchecked_.Ok, Is.True, "without an expected contract the hostile contract is believed (documented)");

        calls.Clear();
        var report = await Attesto.Anchors.VerifyOnChainAsync(anchor, Rpc, new AnchorVerificationOptions { HttpClient = http, ExpectedContractAddress = Contract });

        Assert.That(report.Ok, Is.False);
        Assert.That(report.Problems, Does.Contain($"contract address mismatch: the anchor names {Hostile}, expected {Contract}"));
        Assert.That(report.Problems, Does.Contain($"contract address mismatch: the anchoring transaction was not sent to {Contract}"));
        Assert.That((string)calls.Single(c => (string)c["method"]! == "eth_call")["params"]![0]!["to"]!, Is.EqualTo(Contract), "the trusted contract is the one asked for the root");
    }

    [Test]
    public async Task A_chain_other_than_the_expected_one_fails()
    {
        var (handler, _) = Node("0x" + Root, GoodReceipt(), chainId: "0xaa36a7"); // Sepolia
        using var http = handler.ToHttpClient();
        AnchorEpoch anchor = Anchor(chainId: "11155111");

        var report = await Attesto.Anchors.VerifyOnChainAsync(anchor, Rpc, new AnchorVerificationOptions { HttpClient = http, ExpectedChainId = 1 });

        Assert.That(report.Problems, Is.EquivalentTo(new[]
        {
            "chain id mismatch: the anchor states 11155111, expected 1",
            "chain id mismatch: the node is on chain 0xaa36a7, expected 1",
        }));
    }

    [TestCase("0x1234")]
    [TestCase("00000000000000000000000000000000000a7e5700")]
    [TestCase("0x00000000000000000000000000000000000a7e5g")]
    public async Task Malformed_expected_contract_is_an_argument_error(string address)
    {
        await Assert.ThrowsAsync<AttestoValidationException>(() => Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { ExpectedContractAddress = address }));
        await Assert.ThrowsAsync<AttestoValidationException>(() => Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { ExpectedChainId = -1 }));
    }

    [Test]
    public async Task Signature_override_is_used()
    {
        var (handler, calls) = Node("0x" + Root, GoodReceipt());
        using var http = handler.ToHttpClient();
        AnchorEpoch anchor = Anchor(batchId: "0x" + Root);

        await Attesto.Anchors.VerifyOnChainAsync(anchor, Rpc, new AnchorVerificationOptions { HttpClient = http, FunctionSignature = "getCommitment(bytes32)" });

        Assert.That((string)calls[0]["params"]![0]!["data"]!, Is.EqualTo("0x7795820c" + Root));
    }

    [Test]
    public async Task Rpc_error_and_bad_url_are_typed_errors()
    {
        var handler = new MockHttpMessageHandler();
        handler.When("*").Respond("application/json", "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"boom\"}}");
        using var http = handler.ToHttpClient();

        var ex = await Assert.ThrowsAsync<AttestoException>(() => Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = http }));
        Assert.That(ex!.Message, Does.Contain("boom"));
        await Assert.ThrowsAsync<AttestoValidationException>(() => Attesto.Anchors.VerifyOnChainAsync(Anchor(), new Uri("ftp://node/")));
        await Assert.ThrowsAsync<AttestoValidationException>(() => Attesto.Anchors.VerifyOnChainAsync(null!, Rpc));
    }

    [Test]
    public void Anchor_model_reads_snake_camel_and_aliases()
    {
        var snake = WireJson.Bind<AnchorEpoch>(WireJson.Parse("{\"anchor_epoch_id\":\"aep_1\",\"batch_id\":42,\"epoch_root\":\"ab\",\"block_number\":16}"));
        var camel = WireJson.Bind<AnchorEpoch>(WireJson.Parse("{\"anchorEpochId\":\"aep_1\",\"batchId\":\"42\",\"merkleRoot\":\"ab\",\"txHash\":\"0x1\"}"));

        Assert.That((snake.AnchorEpochId, snake.BatchId, snake.MerkleRoot, snake.BlockNumber), Is.EqualTo(("aep_1", "42", "ab", "16")));
        Assert.That((camel.AnchorEpochId, camel.BatchId, camel.MerkleRoot, camel.TxHash), Is.EqualTo(("aep_1", "42", "ab", "0x1")));
        Assert.That(WireJson.Serialize(camel), Is.EqualTo("{\"anchor_epoch_id\":\"aep_1\",\"batch_id\":\"42\",\"merkle_root\":\"ab\",\"tx_hash\":\"0x1\"}"));
    }

    [Test]
    public async Task Slow_node_is_a_typed_timeout_and_caller_cancellation_passes_through()
    {
        var handler = new MockHttpMessageHandler();
        handler.When("*").Respond(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        });
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(100) };

        var ex = await Assert.ThrowsAsync<AttestoException>(() => Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = http }));
        Assert.That(ex!.Message, Does.Contain("in time"));

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        Assert.That(async () => await Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = http }, cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}
