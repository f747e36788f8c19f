using System.Net;
using System.Text;
using Lucairn.Tests.Support;
using Lucairn.Tests.Verification.Chain;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace Lucairn.Tests.Client;

/// <summary>The client fetches a certificate and chain-verifies the exact response bytes.</summary>
public class VerifyCertificateChainAsyncTests
{
    private const string Url = TestClients.BaseUrl + "/api/v1/veil/certificate/req_1";

    private static LucairnClient Responding(HttpStatusCode status, byte[] body)
    {
        var mock = new MockHttpMessageHandler();
        mock.When(Url).Respond(_ => new HttpResponseMessage(status) { Content = new ByteArrayContent(body) });
        return TestClients.Create(mock);
    }

    private static byte[] Case(string id) => ChainCorpus.Input(ChainCorpus.Cases.Single(c => (string)c["id"]! == id));

    [Test]
    public async Task HonestCertificateIsVerified()
    {
        using LucairnClient client = Responding(HttpStatusCode.OK, Case("honest_full_chain_egress"));
        CertificateChainResult result = await client.VerifyCertificateChainAsync("req_1", ChainCorpus.KeysFor("default"));
        Assert.That((result.Verdict, result.Reason, result.EgressAttestation), Is.EqualTo((ChainVerdicts.Verified, ChainReasons.Ok, ChainFieldValues.SignedDigests)));
    }

    [Test]
    public async Task ExactBytesAreCheckedNotAReserializedObject()
    {
        // A duplicate key survives only in the raw bytes; a re-serialized object would have lost it.
        using LucairnClient client = Responding(HttpStatusCode.OK, Case("tamper_certificate_duplicate_key"));
        CertificateChainResult result = await client.VerifyCertificateChainAsync("req_1", ChainCorpus.KeysFor("default"));
        Assert.That((result.Verdict, result.Reason), Is.EqualTo((ChainVerdicts.Failed, ChainReasons.Malformed)));
    }

    [Test]
    public async Task EditedClaimBodyFailsClaimSignature()
    {
        using LucairnClient client = Responding(HttpStatusCode.OK, Case("tamper_claim_body_edited_same_id"));
        CertificateChainResult result = await client.VerifyCertificateChainAsync("req_1", ChainCorpus.KeysFor("default"));
        Assert.That(result.Reason, Is.EqualTo(ChainReasons.ClaimSignatureInvalid));
    }

    [Test]
    public async Task NotYetAssembledIsAnHttpError()
    {
        using LucairnClient client = Responding(HttpStatusCode.Accepted, Encoding.UTF8.GetBytes("{\"retry_after_seconds\":2}"));
        LucairnApiException error = (await Assert.CatchAsync<LucairnApiException>(async () => await client.VerifyCertificateChainAsync("req_1", ChainCorpus.KeysFor("default"))))!;
        Assert.That(error.Status, Is.EqualTo(202));
    }

    [Test]
    public async Task RefusedKeyThrowsBeforeAnythingIsSent()
    {
        var mock = new MockHttpMessageHandler();
        MockedRequest request = mock.When(Url).Respond(HttpStatusCode.OK, "application/json", "{}");
        using LucairnClient client = TestClients.Create(mock);
        var keys = new CertificateChainKeys { WitnessKeyId = ChainCorpus.WitnessKeyId, WitnessPublicKey = ChainCorpus.WitnessKey };

        _ = await Assert.ThrowsAsync<LucairnPinnedKeyException>(async () => await client.VerifyCertificateChainAsync("req_1", keys));
        Assert.That(mock.GetMatchCount(request), Is.Zero);
    }

    [Test]
    public async Task UnsignedCertTierIsOnTheModel()
    {
        byte[] body = Case("honest_input_shield");
        using LucairnClient client = Responding(HttpStatusCode.OK, body);
        string? expected = (string?)JObject.Parse(Encoding.UTF8.GetString(body))["verification"]!["cert_tier"];
        VeilCertificate certificate = await client.GetCertificateAsync("req_1");
        Assert.That(certificate.Verification.CertTier, Is.EqualTo(expected));
        Assert.That(expected, Is.Not.Null);
    }
}
