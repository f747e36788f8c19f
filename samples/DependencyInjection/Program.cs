// Dependency injection: the three clients registered over IHttpClientFactory, their options bound
// from configuration sections (validated at start-up), logging through ILogger, and OpenTelemetry
// tracing and metrics of the three SDKs written by the console exporter (the OpenTelemetry packages
// are this sample's own dependencies; the SDK packages only publish through System.Diagnostics).
// The configuration points at the in-process emulators here; in an app it comes from
// appsettings.json or the environment.
using System.Diagnostics;
using Attesto;
using Attesto.Testing;
using Lucairn;
using Lucairn.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nomyo;
using Nomyo.Testing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

await using var lucairnEmulator = LucairnEmulator.Start(new LucairnEmulatorOptions { CertificateDelay = TimeSpan.Zero });
await using var attestoMock = MockAttesto.Start();
await using var nomyoEmulator = NomyoEmulator.Start(new NomyoEmulatorOptions { ApiKey = "di-sample-key" });

IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Lucairn:ApiKey"] = lucairnEmulator.ProApiKey,
    ["Lucairn:BaseUrl"] = lucairnEmulator.BaseUrl.ToString(),
    ["Lucairn:MaxRetries"] = "2",
    ["Attesto:ApiKey"] = attestoMock.ApiKey,
    ["Attesto:BaseUrl"] = attestoMock.BaseUrl.ToString(),
    ["Nomyo:ApiKey"] = "di-sample-key",
    ["Nomyo:BaseUrl"] = nomyoEmulator.BaseUrl.ToString(),
    ["Nomyo:AllowHttp"] = "true",
    ["Nomyo:ServerKeyPin"] = nomyoEmulator.ServerKeyPin,
}).Build();

var services = new ServiceCollection();
services.AddLogging(logging => logging
    .AddSimpleConsole(o => o.SingleLine = true)
    .SetMinimumLevel(LogLevel.Information)
    .AddFilter("System.Net.Http", LogLevel.Warning)); // keep only the SDKs' own one-line-per-attempt logs
services.AddLucairnClient(o => configuration.GetSection("Lucairn").Bind(o));
services.AddAttestoV2Client(o =>
{
    configuration.GetSection("Attesto").Bind(o);
    o.Proofstream.ReceiptPublicKeyHex = attestoMock.PublicKeyHex;
    o.Proofstream.AllowMockReceipts = true;
    o.Proofstream.HeadStore = new MemoryHeadStore();
});
services.AddNomyoClient(o => configuration.GetSection("Nomyo").Bind(o));

// One line per SDK for traces and for metrics: the ActivitySource and Meter names are public constants.
const string SampleSource = "Samples.DependencyInjection";
services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddSource(SampleSource, LucairnTelemetry.ActivitySourceName, AttestoTelemetry.ActivitySourceName, NomyoTelemetry.ActivitySourceName)
        .AddConsoleExporter())
    .WithMetrics(metrics => metrics
        .AddMeter(LucairnTelemetry.MeterName, AttestoTelemetry.MeterName, NomyoTelemetry.MeterName)
        .AddConsoleExporter());

await using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

// Without a generic host nothing starts the providers: resolving them turns tracing and metrics on
// (disposing the service provider flushes both to the console).
_ = provider.GetRequiredService<TracerProvider>();
_ = provider.GetRequiredService<MeterProvider>();
using var sampleSource = new ActivitySource(SampleSource);
using Activity? root = sampleSource.StartActivity("one traced call per vendor");

var lucairn = provider.GetRequiredService<LucairnClient>();
var sync = (ProxySyncResponse)await lucairn.SendMessagesAsync(new ProxyMessagesRequest { PromptTemplate = "Hello {name}", Context = new Dictionary<string, string> { ["name"] = "DI" } });
VeilCertificate certificate = await lucairn.GetCertificateAsync(sync.RequestId!);
Console.WriteLine($"Lucairn: certificate {lucairn.VerifyCertificate(certificate, lucairnEmulator.VerifyKeys).CertificateId} verified offline");

var attesto = provider.GetRequiredService<AttestoV2Client>();
ProofStream stream = await attesto.CreateStreamAsync("di-sample", "pol_di");
StreamEventReceipt receipt = await attesto.LogEventAsync(stream.StreamId!, "di-1", new { ok = true });
Console.WriteLine($"Attesto: event {receipt.SeqNo} logged; its receipt was verified and witnessed by the client");

var nomyo = provider.GetRequiredService<SecureChatCompletion>();
ChatCompletion answer = await nomyo.CreateAsync("mock-model", [ChatMessage.User("hello from DI")]);
Console.WriteLine($"NOMYO: encrypted answer received ({answer.Metadata.PayloadId})");
root?.Stop();
return 0;
