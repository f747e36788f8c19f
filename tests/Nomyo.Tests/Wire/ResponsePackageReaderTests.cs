using System.Text;
using Newtonsoft.Json.Linq;

namespace Nomyo.Tests.Wire;

/// <summary>
/// The response-package format checks on their own (no key, no HTTP): every field rule, the
/// exact error for each, and what a valid package yields.
/// </summary>
public class ResponsePackageReaderTests
{
    private static readonly byte[] WrappedKey = Enumerable.Range(0, 512).Select(i => (byte)i).ToArray();
    private static readonly byte[] Nonce = Enumerable.Range(1, 12).Select(i => (byte)i).ToArray();
    private static readonly byte[] Ciphertext = [9, 8, 7, 6, 5];
    private static readonly byte[] Tag = Enumerable.Range(40, 16).Select(i => (byte)i).ToArray();

    [Test]
    public void A_valid_package_yields_its_decoded_parts()
    {
        ResponsePackage package = Read(Valid());

        Assert.That(package.Parts.EncryptedKey, Is.EqualTo(WrappedKey));
        Assert.That(package.Parts.Nonce, Is.EqualTo(Nonce));
        Assert.That(package.Parts.Ciphertext, Is.EqualTo(Ciphertext));
        Assert.That(package.Parts.Tag, Is.EqualTo(Tag));
        Assert.That(package.ProcessedAt, Is.Null);
    }

    [Test]
    public void The_optional_algorithm_names_are_accepted_when_they_match()
    {
        JObject json = Valid();
        json["key_algorithm"] = "RSA-OAEP-SHA256";
        json["payload_algorithm"] = "AES-256-GCM";

        Assert.That(Read(json).Parts.Tag, Is.EqualTo(Tag));
    }

    [TestCase("key_algorithm", "RSA-OAEP-SHA1")]
    [TestCase("key_algorithm", "rsa-oaep-sha256")]
    [TestCase("payload_algorithm", "AES-128-GCM")]
    [TestCase("version", "1.1")]
    [TestCase("algorithm", "hybrid-aes256-rsa4096 ")]
    public void An_algorithm_or_version_other_than_the_one_sent_is_a_downgrade(string field, string value)
    {
        JObject json = Valid();
        json[field] = value;

        Assert.That(Fails(json), Does.StartWith($"Unsupported encrypted response: '{field}' is \"{value}\", expected \"").And.EndWith("(possible downgrade attack)."));
    }

    [TestCase("key_algorithm")]
    [TestCase("payload_algorithm")]
    [TestCase("version")]
    public void A_non_string_algorithm_or_version_is_a_downgrade(string field)
    {
        JObject json = Valid();
        json[field] = 1;

        Assert.That(Fails(json), Does.Contain($"'{field}' is a Integer, expected"));

        json[field] = JValue.CreateNull();
        Assert.That(Fails(json), Does.Contain($"'{field}' is a Null, expected"));
    }

    [Test]
    public void Missing_required_fields_are_all_named()
    {
        Assert.That(Fails(new JObject { ["version"] = "1.0" }),
            Is.EqualTo("Invalid encrypted response: missing field(s) algorithm, encrypted_payload, encrypted_aes_key."));

        JObject json = Valid();
        json.Remove("encrypted_aes_key");
        Assert.That(Fails(json), Is.EqualTo("Invalid encrypted response: missing field(s) encrypted_aes_key."));

        json = Valid();
        json.Remove("version");
        Assert.That(Fails(json), Is.EqualTo("Invalid encrypted response: missing field(s) version."));
    }

    [Test]
    public void An_empty_body_or_a_non_object_is_refused()
    {
        Assert.That(Assert.Throws<NomyoSecurityException>(() => ResponsePackageReader.Read([]))!.Message, Is.EqualTo("Empty encrypted response."));
        Assert.That(Assert.Throws<NomyoSecurityException>(() => ResponsePackageReader.Read("[1]"u8.ToArray()))!.Message, Does.StartWith("The encrypted response must be a JSON object"));
        Assert.That(Assert.Throws<NomyoSecurityException>(() => ResponsePackageReader.Read("{"u8.ToArray()))!.Message, Does.StartWith("The encrypted response is not valid UTF-8 JSON"));
    }

    [Test]
    public void The_payload_must_be_an_object()
    {
        JObject json = Valid();
        json["encrypted_payload"] = "abcd";

        Assert.That(Fails(json), Is.EqualTo("Invalid encrypted response: 'encrypted_payload' must be an object with ciphertext, nonce and tag."));
    }

    [TestCase("ciphertext")]
    [TestCase("nonce")]
    [TestCase("tag")]
    public void Each_payload_field_must_be_a_base64_string(string field)
    {
        JObject json = Valid();
        json["encrypted_payload"]![field] = 12;
        Assert.That(Fails(json), Is.EqualTo($"Invalid encrypted response: 'encrypted_payload.{field}' must be a base64 string; it is a Integer."));

        ((JObject)json["encrypted_payload"]!).Remove(field);
        Assert.That(Fails(json), Is.EqualTo($"Invalid encrypted response: 'encrypted_payload.{field}' must be a base64 string; it is missing."));

        json["encrypted_payload"]![field] = "AB==";
        Assert.That(Fails(json), Does.StartWith($"Invalid encrypted response: encrypted_payload.{field}: base64 has non-zero unused bits"));
    }

    [Test]
    public void The_wrapped_key_must_be_a_base64_string()
    {
        JObject json = Valid();
        json["encrypted_aes_key"] = new JArray();
        Assert.That(Fails(json), Is.EqualTo("Invalid encrypted response: 'encrypted_aes_key' must be a base64 string; it is a Array."));

        json["encrypted_aes_key"] = "not base64!";
        Assert.That(Fails(json), Does.StartWith("Invalid encrypted response: encrypted_aes_key: "));
    }

    [TestCase("nonce", 11)]
    [TestCase("nonce", 13)]
    [TestCase("tag", 15)]
    [TestCase("tag", 17)]
    public void Nonce_and_tag_must_have_their_exact_sizes(string field, int length)
    {
        JObject json = Valid();
        json["encrypted_payload"]![field] = Convert.ToBase64String(new byte[length]);

        Assert.That(Fails(json), Is.EqualTo(
            $"Invalid encrypted response: 'encrypted_payload.{field}' must be {(field == "nonce" ? 12 : 16)} bytes; it is {length}."));
    }

    [TestCase("1718000000", 1718000000L)]
    [TestCase("0", 0L)]
    [TestCase("-5", -5L)]
    [TestCase("null", null)]
    public void Processed_at_is_an_integer_or_null(string raw, long? expected)
    {
        string text = Valid().ToString(Newtonsoft.Json.Formatting.None).TrimEnd('}') + ",\"processed_at\":" + raw + "}";

        Assert.That(ResponsePackageReader.Read(Encoding.UTF8.GetBytes(text)).ProcessedAt, Is.EqualTo(expected));
    }

    [TestCase("1.5", "a Float")]
    [TestCase("\"1718000000\"", "\"1718000000\"")]
    [TestCase("true", "a Boolean")]
    [TestCase("{}", "a Object")]
    public void Processed_at_of_another_type_is_refused(string raw, string described)
    {
        string text = Valid().ToString(Newtonsoft.Json.Formatting.None).TrimEnd('}') + ",\"processed_at\":" + raw + "}";

        var ex = Assert.Throws<NomyoSecurityException>(() => ResponsePackageReader.Read(Encoding.UTF8.GetBytes(text)));
        Assert.That(ex!.Message, Is.EqualTo($"Invalid encrypted response: 'processed_at' must be an integer; it is {described}."));
    }

    [Test]
    public void A_long_string_value_is_truncated_in_the_message()
    {
        JObject json = Valid();
        json["version"] = new string('v', 64);
        Assert.That(Fails(json), Does.Contain($"'version' is \"{new string('v', 64)}\", expected"));

        json["version"] = new string('v', 65);
        Assert.That(Fails(json), Does.Contain($"'version' is \"{new string('v', 64)}…\", expected"));
    }

    private static JObject Valid() => new()
    {
        ["version"] = "1.0",
        ["algorithm"] = "hybrid-aes256-rsa4096",
        ["encrypted_payload"] = new JObject
        {
            ["ciphertext"] = Convert.ToBase64String(Ciphertext),
            ["nonce"] = Convert.ToBase64String(Nonce),
            ["tag"] = Convert.ToBase64String(Tag),
        },
        ["encrypted_aes_key"] = Convert.ToBase64String(WrappedKey),
    };

    private static ResponsePackage Read(JObject json) =>
        ResponsePackageReader.Read(Encoding.UTF8.GetBytes(json.ToString(Newtonsoft.Json.Formatting.None)));

    private static string Fails(JObject json) =>
        Assert.Throws<NomyoSecurityException>(() => Read(json))!.Message;
}
