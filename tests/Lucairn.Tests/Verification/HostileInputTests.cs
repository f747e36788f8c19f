using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Lucairn.Tests.Verification;

/// <summary>
/// Hostile certificates: deep nesting, huge inputs, unpaired surrogates, duplicate keys,
/// non-JSON syntax, token trees carrying converted values. All must be <c>malformed</c> with a
/// clear message, never a crash or a different exception type.
/// </summary>
public class HostileInputTests
{
    private static LucairnCertificateException Malformed(string json)
    {
        var error = CertificateFixtures.Fails(json, CertificateFixtures.TestKeys);
        Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed), error.Message);
        Assert.Throws<LucairnCertificateException>(() => VeilCertificate.Parse(json));
        return error;
    }

    private static string WithMember(string name, string rawJsonValue) =>
        CertificateFixtures.Anchored.TrimEnd().TrimEnd('}') + $",\"{name}\":{rawJsonValue}}}";

    [Test]
    public void nesting_10000_levels_deep_is_malformed()
    {
        string deep = new string('[', 10_000) + new string(']', 10_000);
        Assert.That(Malformed(WithMember("deep", deep)).Message, Does.Contain("depth").IgnoreCase);
        Malformed(deep);
        Malformed(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000));
    }

    [Test]
    public void token_tree_nested_10000_levels_deep_is_malformed_without_recursion()
    {
        JObject cert = CertificateFixtures.Load("cert-valid-anchored.json");
        var deepest = new JArray();
        JArray outer = deepest;
        for (int i = 0; i < 10_000; i++)
        {
            var next = new JArray();
            next.Add(outer);
            outer = next;
        }

        cert["deep"] = outer;
        var error = Assert.Throws<LucairnCertificateException>(() => CertificateVerifier.Verify(cert, CertificateFixtures.TestKeys))!;
        Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
        Assert.That(error.Message, Does.Contain("nested deeper"));
        Assert.Throws<LucairnCertificateException>(() => VeilCertificate.FromJObject(cert));
    }

    [Test]
    public void nesting_within_the_limit_in_an_unknown_member_verifies()
    {
        string deep = new string('[', 50) + new string(']', 50);
        Assert.That(CertificateVerifier.Verify(WithMember("deep", deep), CertificateFixtures.TestKeys).SignableVersion, Is.EqualTo(SignableVersion.V2));
    }

    [Test]
    public void twenty_megabytes_is_malformed()
    {
        string huge = WithMember("padding", "\"" + new string('A', 20 * 1024 * 1024) + "\"");
        Assert.That(Malformed(huge).Message, Does.Contain("limit"));
        Malformed(new string(' ', 20 * 1024 * 1024) + "{}");
    }

    [Test]
    public void token_tree_of_twenty_megabytes_is_malformed()
    {
        JObject cert = CertificateFixtures.Load("cert-valid-anchored.json");
        cert["padding"] = new string('A', 20 * 1024 * 1024);
        Assert.That(Assert.Throws<LucairnCertificateException>(() => CertificateVerifier.Verify(cert, CertificateFixtures.TestKeys))!.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
    }

    [TestCase("certificate_id")]
    [TestCase("witness_key_id")]
    public void lone_surrogate_escape_in_a_signed_field_is_malformed(string member)
    {
        string json = CertificateFixtures.Anchored.Replace($"\"{member}\": \"", $"\"{member}\": \"\\ud800", StringComparison.Ordinal);
        Assert.That(json, Does.Contain("\\ud800"));
        Assert.That(Malformed(json).Message, Does.Contain("not well-formed"));
    }

    [TestCase("\"\\ud800\"")]
    [TestCase("\"\\udc00\\ud800\"")]
    [TestCase("\"x\\ud83d\\ud83d\"")]
    [TestCase("[\"ok\", \"\\udfff\"]")]
    [TestCase("{\"\\ud800\": 1}")]
    public void lone_surrogate_escape_anywhere_is_malformed(string value) => Malformed(WithMember("opaque", value));

    [Test]
    public void paired_surrogate_escapes_are_fine() =>
        Assert.That(CertificateVerifier.Verify(WithMember("emoji", "\"\\ud83e\\udd84\""), CertificateFixtures.TestKeys).SignableVersion, Is.EqualTo(SignableVersion.V2));

    [Test]
    public void raw_unpaired_surrogate_character_in_the_text_is_malformed()
    {
        Assert.That(Malformed(WithMember("opaque", "\"\ud800\"")).Message, Does.Contain("surrogate"));
        JObject cert = CertificateFixtures.Load("cert-valid-anchored.json");
        cert["certificate_id"] = "veil\udc00";
        Assert.That(Assert.Throws<LucairnCertificateException>(() => CertificateVerifier.Verify(cert, CertificateFixtures.TestKeys))!.Message, Does.Contain("surrogate"));
    }

    [Test]
    public void duplicate_keys_are_malformed()
    {
        string duplicated = CertificateFixtures.Anchored.Replace("\"certificate_id\": \"veil_test_0000000000000001\",",
            "\"certificate_id\": \"veil_test_0000000000000001\", \"certificate_id\": \"veil_other\",", StringComparison.Ordinal);
        var error = Malformed(duplicated);
        Assert.That(error.Message, Does.Contain("twice"));
        Malformed(WithMember("opaque", "{\"a\":1,\"a\":2}"));
        Malformed(WithMember("opaque", "[{\"x\":{\"b\":1,\"b\":1}}]"));
    }

    [Test]
    public void object_with_a_hundred_thousand_members_is_read_in_linear_time()
    {
        string members = string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"\"k{i}\":0"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.That(CertificateVerifier.Verify(WithMember("opaque", "{" + members + "}"), CertificateFixtures.TestKeys).SignableVersion, Is.EqualTo(SignableVersion.V2));
        Assert.That(Malformed(WithMember("opaque", "{" + members + ",\"k99999\":1}")).Message, Does.Contain("twice"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [TestCase("{\"a\":1} {\"b\":2}")]
    [TestCase("// comment\n{}")]
    [TestCase("{'certificate_id': 'x'}")]
    [TestCase("{\"a\":NaN}")]
    [TestCase("{\"a\":1,}")]
    [TestCase("{\"a\":")]
    [TestCase("\u0000")]
    public void non_json_syntax_is_malformed(string json) => Assert.That(Malformed(json).CertificateId, Is.Null);

    [Test]
    public void content_after_the_certificate_is_malformed()
    {
        Malformed(CertificateFixtures.Anchored + "{}");
        Malformed(CertificateFixtures.Anchored + "garbage");
    }

    [Test]
    public void token_tree_from_a_date_parsing_reader_is_malformed_and_says_why()
    {
        JObject converted = JObject.Parse(CertificateFixtures.Anchored);
        Assert.That(converted["claims"]![1]!["timestamp"]!.Type, Is.EqualTo(JTokenType.Date), "Newtonsoft's default turns timestamps into dates");
        var error = Assert.Throws<LucairnCertificateException>(() => CertificateVerifier.Verify(converted, CertificateFixtures.TestKeys))!;
        Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
        Assert.That(error.Message, Does.Contain("DateParseHandling.None"));
        Assert.That(error.CertificateId, Is.EqualTo("veil_test_0000000000000001"));
    }

    [Test]
    public void non_json_tokens_in_a_tree_are_malformed()
    {
        foreach (JToken value in new JToken[] { new JValue(Guid.Empty), new JValue(new byte[] { 1 }), new JRaw("{}"), new JValue(double.NaN), new JValue(double.PositiveInfinity), new JValue((string?)null) })
        {
            JObject cert = CertificateFixtures.Load("cert-valid-anchored.json");
            cert["opaque"] = value;
            Assert.That(Assert.Throws<LucairnCertificateException>(() => CertificateVerifier.Verify(cert, CertificateFixtures.TestKeys))!.Reason,
                Is.EqualTo(VerifyCertificateFailureReason.Malformed), value.Type.ToString());
        }
    }

    [Test]
    public void integer_out_of_range_in_an_integer_field_is_malformed() =>
        Malformed(CertificateFixtures.Anchored.Replace("\"attempts\": 1", "\"attempts\": 99999999999999999999999", StringComparison.Ordinal));

    [Test]
    [Description("Random byte-level damage to a valid certificate: every outcome is a verified result or a LucairnCertificateException, never another exception.")]
    public void random_damage_never_escapes_as_another_exception()
    {
        var random = new Random(20260610);
        string original = CertificateFixtures.Anchored;
        const string Alphabet = "{}[]\":,\\ 0123456789abcdefu-.eE\ud800nulltrue";
        for (int i = 0; i < 3000; i++)
        {
            var text = new StringBuilder(original);
            int edits = random.Next(1, 4);
            for (int e = 0; e < edits && text.Length > 0; e++)
            {
                int at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0:
                        text.Remove(at, 1);
                        break;
                    case 1:
                        text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                        break;
                    default:
                        text[at] = Alphabet[random.Next(Alphabet.Length)];
                        break;
                }
            }

            string damaged = text.ToString();
            try
            {
                _ = CertificateVerifier.Verify(damaged, CertificateFixtures.TestKeys);
            }
            catch (LucairnCertificateException)
            {
            }

            try
            {
                _ = VeilCertificate.Parse(damaged);
            }
            catch (LucairnCertificateException)
            {
            }
        }
    }

    [Test]
    public void verification_is_safe_from_many_threads()
    {
        VerifyCertificateKeys production = CertificateFixtures.ProductionKeys;
        VerifyCertificateKeys test = CertificateFixtures.TestKeys;
        string real = CertificateFixtures.RealV3;
        string anchored = CertificateFixtures.Anchored;
        string tampered = CertificateFixtures.Text("cert-tampered-payload.json");
        VeilCertificate parsed = VeilCertificate.Parse(real);
        int failures = 0;
        Parallel.For(0, 240, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            bool ok = (i % 4) switch
            {
                0 => CertificateVerifier.Verify(real, production).SignableVersion == SignableVersion.V3,
                1 => CertificateVerifier.Verify(anchored, test).SignableVersion == SignableVersion.V2,
                2 => CertificateVerifier.Verify(parsed, production, SignableVersion.V3).SignableVersion == SignableVersion.V3,
                _ => Throws(() => CertificateVerifier.Verify(tampered, test)) == VerifyCertificateFailureReason.InvalidSignature,
            };
            if (!ok)
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.That(failures, Is.Zero);
    }

    private static VerifyCertificateFailureReason? Throws(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (LucairnCertificateException ex)
        {
            return ex.Reason;
        }
    }

    [Test]
    public void json_written_by_newtonsoft_round_trips()
    {
        JObject cert = CertificateFixtures.Load("cert-real-v3-production.json");
        string reformatted = JsonConvert.SerializeObject(cert, Formatting.Indented);
        Assert.That(CertificateVerifier.Verify(reformatted, CertificateFixtures.ProductionKeys).SignableVersion, Is.EqualTo(SignableVersion.V3));
    }
}
