using Attesto;
using Attesto.Testing;

namespace AttestoSamples;

/// <summary>Where the samples run: real Attesto when ATTESTO_API_KEY is set, otherwise MockAttesto on loopback.</summary>
internal sealed class SampleEnvironment : IAsyncDisposable
{
    private readonly MockAttesto? _mock;

    private SampleEnvironment(AttestoV2Client client, string receiptKeyHex, bool mock, string policyId, MockAttesto? emulator, string description)
    {
        Client = client;
        ReceiptKeyHex = receiptKeyHex;
        AllowMock = mock;
        PolicyId = policyId;
        _mock = emulator;
        Description = description;
    }

    internal AttestoV2Client Client { get; }

    internal string ReceiptKeyHex { get; }

    /// <summary>True only against the emulator: mock evidence is accepted there and nowhere else.</summary>
    internal bool AllowMock { get; }

    internal string PolicyId { get; }

    internal string Description { get; }

    internal static Task<SampleEnvironment> CreateAsync()
    {
        string? apiKey = Environment.GetEnvironmentVariable("ATTESTO_API_KEY");
        if (!string.IsNullOrEmpty(apiKey))
        {
            string key = Environment.GetEnvironmentVariable(ProofstreamOptions.ReceiptKeyEnvironmentVariable)
                ?? throw new InvalidOperationException($"Set {ProofstreamOptions.ReceiptKeyEnvironmentVariable} to the receipt signer's public key to verify receipts offline.");
            var client = new AttestoV2Client(new AttestoClientOptions(apiKey) { Proofstream = new ProofstreamOptions { ReceiptPublicKeyHex = key } });
            string policy = Environment.GetEnvironmentVariable("ATTESTO_POLICY_ID") ?? "default";
            return Task.FromResult(new SampleEnvironment(client, key, mock: false, policy, null, "Running against real Attesto (ATTESTO_API_KEY is set)."));
        }

        MockAttesto mock = MockAttesto.Start();
        var offline = new AttestoV2Client(
            new AttestoClientOptions(mock.ApiKey)
            {
                BaseUrl = mock.BaseUrl,
                Proofstream = new ProofstreamOptions { ReceiptPublicKeyHex = mock.PublicKeyHex, AllowMockReceipts = true, HeadStore = new MemoryHeadStore() },
            });
        return Task.FromResult(new SampleEnvironment(offline, mock.PublicKeyHex, mock: true, "pol_mock", mock, $"Running offline against MockAttesto at {mock.BaseUrl} (set ATTESTO_API_KEY to use real Attesto)."));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_mock is not null)
        {
            await _mock.DisposeAsync();
        }
    }
}
