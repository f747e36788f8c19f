using Newtonsoft.Json.Linq;
using TestSupport;

namespace Tools.Tests;

public class LucairnVerifyToolTests
{
    private static readonly string ProductionKeyFile = TestVectors.PathOf("lucairn", "production-witness-pubkey.hex");
    private const string TestKey = "3jjwX4cJZYOW/d8ELu1vEKhXGIeq+zsZ4LymOeym8hE=";

    private static Task<ToolProcess.Result> Run(string? stdin, params string[] args) =>
        ToolProcess.RunAsync("Lucairn/tools/Lucairn.Verify", "lucairn-verify", stdin, args);

    [Test]
    public async Task Real_production_certificate_is_valid_v3_with_the_key_file()
    {
        var result = await Run(null, TestVectors.PathOf("lucairn", "cert-real-v3-production.json"), "--witness-key", ProductionKeyFile, "--key-id", "witness_v1", "--min-signable", "v3");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardError);
        Assert.That(result.StandardOutput, Does.StartWith("VALID  certificate veil_019eaed5-fc46-724d-ad80-2ad67ef87d3d"));
        Assert.That(result.StandardOutput, Does.Contain("v3 signable").And.Contain("witness_v1"));
    }

    [Test]
    public async Task Json_output_from_standard_input_with_the_key_json_file()
    {
        string cert = TestVectors.ReadText("lucairn", "cert-go-signed-reference.json");
        var result = await Run(cert, "-", "--witness-key", TestKey, "--key-id", "witness_v1", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardError);
        var report = JObject.Parse(result.StandardOutput);
        Assert.That((bool)report["valid"]!, Is.True);
        Assert.That((string?)report["signable_version"], Is.EqualTo("v2"));
        Assert.That((string?)report["certificate_id"], Is.EqualTo("veil_oracle_0000000000000001"));

        var withKeyJson = await Run(null, TestVectors.PathOf("lucairn", "cert-real-v3-production.json"), "--witness-key", TestVectors.PathOf("lucairn", "production-witness-pubkey.json"), "--key-id", "witness_v1");
        Assert.That(withKeyJson.ExitCode, Is.EqualTo(0), withKeyJson.StandardError);
    }

    [TestCase("cert-tampered-payload.json", null, "invalid_signature")]
    [TestCase("cert-valid-anchored.json", "v3", "signable_version_insufficient")]
    [TestCase("cert-no-signature.json", null, "witness_signature_missing")]
    [TestCase("cert-malformed-truncated.json", null, "malformed")]
    public async Task Invalid_certificates_exit_1_with_the_reason(string file, string? minimum, string reason)
    {
        var args = new List<string> { TestVectors.PathOf("lucairn", file), "--witness-key", TestKey, "--key-id", "witness_v1", "--json" };
        if (minimum is not null)
        {
            args.AddRange(["--min-signable", minimum]);
        }

        var result = await Run(null, [.. args]);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.StandardError);
        var report = JObject.Parse(result.StandardOutput);
        Assert.That((bool)report["valid"]!, Is.False);
        Assert.That((string?)report["reason"], Is.EqualTo(reason));
    }

    [Test]
    public async Task The_test_key_does_not_validate_the_production_certificate()
    {
        var result = await Run(null, TestVectors.PathOf("lucairn", "cert-real-v3-production.json"), "--witness-key", TestKey, "--key-id", "witness_v1");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.StandardOutput, Does.StartWith("INVALID  reason: invalid_signature"));
    }

    [TestCase("--key-id", "is required")]
    [TestCase("--bogus", "unknown option")]
    [TestCase("missing-file", "cannot read")]
    [TestCase("bad-key", "--witness-key")]
    [TestCase("bad-minimum", "--min-signable must be v2 or v3")]
    public async Task Usage_and_io_errors_exit_2(string problem, string expected)
    {
        string cert = TestVectors.PathOf("lucairn", "cert-valid-anchored.json");
        string[] args = problem switch
        {
            "--key-id" => [cert, "--witness-key", TestKey],
            "--bogus" => [cert, "--witness-key", TestKey, "--key-id", "witness_v1", "--bogus"],
            "missing-file" => ["/nonexistent/cert.json", "--witness-key", TestKey, "--key-id", "witness_v1"],
            "bad-key" => [cert, "--witness-key", "not-a-key", "--key-id", "witness_v1"],
            _ => [cert, "--witness-key", TestKey, "--key-id", "witness_v1", "--min-signable", "v9"],
        };

        var result = await Run(null, args);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain(expected));
    }
}
