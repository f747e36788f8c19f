using System.Net;
using System.Text;
using Attesto.Tests.Verification;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;
using TestSupport;

namespace Attesto.Tests.Anchors;

/// <summary>
/// How the on-chain check talks to the caller's JSON-RPC node: the answer is streamed and capped
/// like every other response the SDK reads, a connection that breaks mid-answer is a typed error,
/// and no continuation comes back to the caller's synchronization context.
/// </summary>
public class AnchorNodeTransportTests
{
    private const string Root = "6c3dbb273d552d4af3e933c524e0c96934ed25f733b30698fe085e09062def00";
    private const string Contract = "0x00000000000000000000000000000000000a7e57";
    private const string Tx = "0x1111111111111111111111111111111111111111111111111111111111111111";
    private const long Cap = 16 * 1024 * 1024;
    private static readonly Uri Rpc = new("http://127.0.0.1:1/rpc");

    private static AnchorEpoch Anchor(string? merkleRoot = Root) =>
        AttestoModelFactory.AnchorEpoch(
            "aep_1", status: "confirmed", contractAddress: Contract, batchId: "42", merkleRoot: merkleRoot, txHash: Tx, blockNumber: "16", chainId: "1");

    private static HttpClient Answering(HttpStatusCode status, HttpContent content)
    {
        var handler = new MockHttpMessageHandler();
        handler.When(HttpMethod.Post, Rpc.ToString()).Respond(_ => new HttpResponseMessage(status) { Content = content });
        return handler.ToHttpClient();
    }

    [Test]
    public async Task A_result_longer_than_16_MiB_is_refused_after_reading_about_the_cap_not_the_whole_answer()
    {
        var content = new CountingContent(64L * 1024 * 1024);
        using HttpClient http = Answering(HttpStatusCode.OK, content);

        var error = await Assert.ThrowsAsync<AttestoException>(() => Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = http }));

        Assert.That(error!.Message, Is.EqualTo($"The JSON-RPC node answered eth_call with more than {Cap} bytes, over the verifier's cap; nothing of it was parsed."));
        Assert.That(content.Served, Is.InRange(Cap + 1, Cap + (128 * 1024)));
    }

    [Test]
    public async Task A_long_error_answer_is_read_only_up_to_the_error_cap_and_still_named()
    {
        var content = new CountingContent(64L * 1024 * 1024);
        using HttpClient http = Answering(HttpStatusCode.BadGateway, content);

        var error = await Assert.ThrowsAsync<AttestoException>(() => Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = http }));

        Assert.That(error!.Message, Is.EqualTo("The JSON-RPC node answered HTTP 502 to eth_call: " + new string('a', 256) + "…"));
        Assert.That(content.Served, Is.InRange((64 * 1024) + 1, 128 * 1024));
    }

    [Test]
    public async Task A_connection_that_breaks_mid_answer_is_a_typed_error_naming_the_node_and_the_call()
    {
        using HttpClient http = Answering(HttpStatusCode.OK, new BreakingContent());

        var error = await Assert.ThrowsAsync<AttestoException>(() => Attesto.Anchors.VerifyOnChainAsync(Anchor(), Rpc, new AnchorVerificationOptions { HttpClient = http }));

        Assert.That(error!.Message, Is.EqualTo("The JSON-RPC node at http://127.0.0.1:1 could not be reached for eth_call: connection reset mid-body"));
        Assert.That(error.InnerException, Is.TypeOf<IOException>());
    }

    /// <summary>Which of the verifier's awaits is the first to wait; every one must leave the caller's context.</summary>
    public enum FirstWait
    {
        /// <summary><c>eth_chainId</c>, waiting for the answer's headers.</summary>
        ChainIdHeaders,

        /// <summary><c>eth_chainId</c>, waiting for the answer's body.</summary>
        ChainIdBody,

        /// <summary><c>eth_call</c>, waiting for the headers.</summary>
        CallHeaders,

        /// <summary><c>eth_call</c>, waiting for the body.</summary>
        CallBody,

        /// <summary><c>eth_getTransactionReceipt</c> (no root to ask for), waiting for the headers.</summary>
        ReceiptHeaders,
    }

    [TestCase(FirstWait.ChainIdHeaders)]
    [TestCase(FirstWait.ChainIdBody)]
    [TestCase(FirstWait.CallHeaders)]
    [TestCase(FirstWait.CallBody)]
    [TestCase(FirstWait.ReceiptHeaders)]
    public async Task No_continuation_is_posted_back_to_the_callers_synchronization_context(FirstWait first)
    {
        bool askChain = first is FirstWait.ChainIdHeaders or FirstWait.ChainIdBody;
        bool inBody = first is FirstWait.ChainIdBody or FirstWait.CallBody;
        AnchorEpoch anchor = Anchor(merkleRoot: first == FirstWait.ReceiptHeaders ? null : Root);
        var node = new GatedNode(inBody);
        using var http = new HttpClient(node);
        var options = new AnchorVerificationOptions { HttpClient = http, ExpectedChainId = askChain ? 1 : null };

        var context = new CountingSynchronizationContext();
        Task<AnchorVerificationReport> pending = context.StartWithin(() => Attesto.Anchors.VerifyOnChainAsync(anchor, Rpc, options));
        Assert.That(pending.IsCompleted, Is.False, "the first call must really wait, or the test proves nothing");
        node.Gate.SetResult();
        AnchorVerificationReport report = await pending;

        Assert.That(node.Methods[0], Is.EqualTo(askChain ? "eth_chainId" : first == FirstWait.ReceiptHeaders ? "eth_getTransactionReceipt" : "eth_call"));
        Assert.That(report.Problems, first == FirstWait.ReceiptHeaders ? Is.EqualTo(new[] { "anchor has no merkle_root" }) : Is.Empty);
        Assert.That(context.Posts, Is.Zero);
    }

    /// <summary>A good node whose first answer waits for <see cref="Gate"/>: before its headers, or while its body is read.</summary>
    private sealed class GatedNode(bool inBody) : HttpMessageHandler
    {
        internal TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal List<string> Methods { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = JObject.Parse(await request.Content!.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            string method = (string)call["method"]!;
            bool first;
            lock (Methods)
            {
                first = Methods.Count == 0;
                Methods.Add(method);
            }

            JToken result = method switch
            {
                "eth_chainId" => "0x1",
                "eth_call" => "0x" + Root,
                _ => new JObject { ["status"] = "0x1", ["blockNumber"] = "0x10", ["to"] = Contract },
            };
            byte[] body = Encoding.UTF8.GetBytes(new JObject { ["jsonrpc"] = "2.0", ["id"] = call["id"], ["result"] = result }.ToString());
            if (first && !inBody)
            {
                await Gate.Task.ConfigureAwait(false);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new GatedContent(body, first && inBody ? Gate.Task : Task.CompletedTask) };
        }
    }

    /// <summary>A body that is handed out only once <c>ready</c> completes.</summary>
    private sealed class GatedContent(byte[] body, Task ready) : HttpContent
    {
        protected override async Task<Stream> CreateContentReadStreamAsync()
        {
            await ready.ConfigureAwait(false);
            return new MemoryStream(body, writable: false);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await ready.ConfigureAwait(false);
            await stream.WriteAsync(body).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }

    /// <summary>A body whose stream yields a few bytes and then fails as a reset connection does.</summary>
    private sealed class BreakingContent : HttpContent
    {
        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new Breaking());

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => new Breaking().CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        private sealed class Breaking : MemoryStream
        {
            private bool _served;

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                if (_served)
                {
                    throw new IOException("connection reset mid-body");
                }

                _served = true;
                "{\"jsonrpc\""u8.CopyTo(buffer.Span);
                return ValueTask.FromResult(10);
            }
        }
    }
}
