using System.Net;
using Attesto.Testing;
using Attesto.Tests.Witness;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace Attesto.Tests.V2;

/// <summary>
/// The <see cref="AttestoV2Client"/> constructor reads no environment variable and touches no file:
/// the receipt key fallback and the default head store are resolved on first use.
/// </summary>
[NonParallelizable]
public class LazyResolutionTests
{
    private const string KeyVariable = ProofstreamOptions.ReceiptKeyEnvironmentVariable;
    private string? _savedKey;
    private string? _savedHome;
    private MockLedger _ledger = null!;
    private string _streamId = null!;
    private MockHttpMessageHandler _http = null!;
    private int _sent;

    [SetUp]
    public void SetUp()
    {
        _sent = 0;
        _savedKey = Environment.GetEnvironmentVariable(KeyVariable);
        _savedHome = Environment.GetEnvironmentVariable("HOME");
        Environment.SetEnvironmentVariable(KeyVariable, null);
        _ledger = new MockLedger(new MockAttestoOptions());
        _streamId = (string)_ledger.CreateStream("u", "p")["stream_id"]!;
        _http = new MockHttpMessageHandler();
        _http.When(HttpMethod.Post, $"https://attesto.test/v2/streams/{_streamId}/events").Respond(request =>
        {
            Interlocked.Increment(ref _sent);
            var body = (JObject)Shared.Crypto.CanonicalJson.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult(), AttestoCanonicalJson.Options);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(_ledger.Append(_streamId, body).ToString(), System.Text.Encoding.UTF8, "application/json") };
        });
    }

    [TearDown]
    public void TearDown()
    {
        Environment.SetEnvironmentVariable(KeyVariable, _savedKey);
        Environment.SetEnvironmentVariable("HOME", _savedHome);
        _http.Dispose();
    }

    private AttestoV2Client Client(ProofstreamOptions proofstream) => new(
        new AttestoClientOptions("atto_test_0123456789abcdef0123456789abcdef") { BaseUrl = new Uri("https://attesto.test"), MaxRetries = 0, Proofstream = proofstream },
        _http.ToHttpClient());

    private Task<StreamEventReceipt> Write(AttestoV2Client client) => client.LogEventAsync(_streamId, new StreamEventInput("r1", new { n = 1 }));

    [Test]
    public async Task Without_a_key_construction_succeeds_and_the_first_write_fails_typed_before_sending()
    {
        using AttestoV2Client client = Client(new ProofstreamOptions { AllowMockReceipts = true, ForkDetection = false });

        var ex = await Assert.ThrowsAsync<AttestoValidationException>(() => Write(client));
        Assert.That(ex!.Message, Does.StartWith("options.Proofstream.ReceiptPublicKeyHex").And.Contain(KeyVariable));
        Assert.That(ex.ParamName, Is.EqualTo("options.Proofstream.ReceiptPublicKeyHex"));
        Assert.That(_sent, Is.Zero, "nothing may be sent without a key to verify the receipt");
    }

    [Test]
    public async Task The_environment_key_is_read_on_first_use_not_at_construction()
    {
        using AttestoV2Client client = Client(new ProofstreamOptions { AllowMockReceipts = true, ForkDetection = false });
        Environment.SetEnvironmentVariable(KeyVariable, _ledger.ReceiptPublicKeyHex);

        StreamEventReceipt written = await Write(client);

        Assert.That(written.StreamEventId, Does.StartWith("sev_"));
        Assert.That(_sent, Is.EqualTo(1));
    }

    [Test]
    public async Task A_malformed_environment_key_fails_the_first_use_naming_the_variable()
    {
        Environment.SetEnvironmentVariable(KeyVariable, "not-hex");
        using AttestoV2Client client = Client(new ProofstreamOptions { AllowMockReceipts = true, ForkDetection = false });

        var ex = await Assert.ThrowsAsync<AttestoValidationException>(() => Write(client));
        Assert.That(ex!.Message, Does.StartWith(KeyVariable));
        Assert.That(_sent, Is.Zero);
    }

    [Test]
    public async Task The_default_head_store_is_resolved_on_first_use_and_its_failure_is_typed()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Ignore("HOME and Unix modes are what this test bends.");
            return;
        }

        using var home = new TempDir();
        string heads = Path.Combine(home.Path, ".attesto");
        Directory.CreateDirectory(heads);
        File.SetUnixFileMode(heads, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        Environment.SetEnvironmentVariable("HOME", home.Path);

        using AttestoV2Client client = Client(new ProofstreamOptions { ReceiptPublicKeyHex = _ledger.ReceiptPublicKeyHex, AllowMockReceipts = true });
        Assert.That(Directory.GetFileSystemEntries(heads), Is.Empty, "the constructor touched the head directory");

        var ex = await Assert.ThrowsAsync<AttestoException>(() => Write(client));
        Assert.That(ex, Is.Not.InstanceOf<AttestoForkDetectedException>());
        Assert.That(ex!.Message, Does.Contain(heads));
    }

    [Test]
    public async Task The_default_head_store_lives_under_the_home_read_on_first_use()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("HOME is what this test bends.");
        }

        using var before = new TempDir();
        using var after = new TempDir();
        Environment.SetEnvironmentVariable("HOME", before.Path);
        using AttestoV2Client client = Client(new ProofstreamOptions { ReceiptPublicKeyHex = _ledger.ReceiptPublicKeyHex, AllowMockReceipts = true });
        Environment.SetEnvironmentVariable("HOME", after.Path);

        await Write(client);

        Assert.That(File.Exists(Path.Combine(after.Path, ".attesto", "heads.json")), Is.True);
        Assert.That(Directory.GetFileSystemEntries(before.Path), Is.Empty);
    }
}
