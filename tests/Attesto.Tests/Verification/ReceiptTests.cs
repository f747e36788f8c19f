using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Verification;

public class ReceiptTests
{
    private static JObject File => Vectors.Read("receipt.proposed.json");

    private static string DefaultKey => (string)File["public_key_hex"]!;

    private static JObject Valid => (JObject)Vectors.Cases("receipt.proposed.json").First(c => (string)c["name"]! == "valid")["receipt"]!;

    private static TestCaseData[] Cases => Vectors.CaseData("receipt.proposed.json");

    [TestCaseSource(nameof(Cases))]
    public void Receipt_vector_outcome(JObject c)
    {
        string key = (string?)c["public_key_hex"] ?? DefaultKey;
        bool allowMock = (bool?)c["allow_mock"] ?? false;
        ReceiptVerificationReport report = Receipts.Verify(c["receipt"]!, key, allowMock);
        Assert.That(report.Ok, Is.EqualTo((bool)c["expected_ok"]!), report.ToString());
        if (c["expected_problems"] is JArray problems)
        {
            Assert.That(report.Problems, Is.EqualTo(problems.Select(p => (string)p!).ToArray()));
        }

        if (c["expected_digest_hex"] is JValue digest)
        {
            Assert.That(report.DigestHex, Is.EqualTo((string)digest!));
        }

        if (c["expected_is_mock"] is JValue isMock)
        {
            Assert.That(report.IsMock, Is.EqualTo((bool)isMock));
        }
    }

    [Test]
    public void Mock_receipt_without_opt_in_fails_with_mock_receipt()
    {
        JObject mock = (JObject)Vectors.Cases("receipt.proposed.json").First(c => (bool?)c["expected_is_mock"] == true)["receipt"]!;
        ReceiptVerificationReport report = Receipts.Verify(mock, DefaultKey);
        Assert.That(report.Ok, Is.False);
        Assert.That(report.Problems, Is.EqualTo(new[] { Receipts.MockReceipt }));
    }

    [Test]
    public void Upper_case_hex_is_accepted()
    {
        JObject receipt = (JObject)Valid.DeepClone();
        receipt["signature"] = ((string)receipt["signature"]!).ToUpperInvariant();
        Assert.That(Receipts.Verify(receipt, DefaultKey.ToUpperInvariant()).Ok, Is.True);
    }

    [Test]
    public void Kid_sits_outside_the_signed_payload_but_alg_is_checked()
    {
        JObject receipt = (JObject)Valid.DeepClone();
        receipt["kid"] = "another-kid";
        Assert.That(Receipts.Verify(receipt, DefaultKey).Ok, Is.True);
        receipt["alg"] = "RS256";
        Assert.That(Receipts.Verify(receipt, DefaultKey).Problems, Is.EqualTo(new[] { Receipts.UnsupportedAlg }));
        receipt.Remove("alg");
        Assert.That(Receipts.Verify(receipt, DefaultKey).Problems, Is.EqualTo(new[] { Receipts.UnsupportedAlg }));
    }

    [TestCase("")]
    [TestCase("abcd")]
    [TestCase("zz5a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")]
    [TestCase("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a00")]
    public void Malformed_public_key_is_a_problem_not_an_exception(string key) =>
        Assert.That(Receipts.Verify(Valid, key).Problems, Is.EqualTo(new[] { Receipts.MalformedPublicKey }));

    [Test]
    public void Malformed_signature_and_payload_are_problems_not_exceptions()
    {
        JObject receipt = (JObject)Valid.DeepClone();
        receipt["signature"] = "00";
        Assert.That(Receipts.Verify(receipt, DefaultKey).Problems, Is.EqualTo(new[] { Receipts.MalformedSignature }));
        receipt["signature"] = 12;
        Assert.That(Receipts.Verify(receipt, DefaultKey).Problems, Is.EqualTo(new[] { Receipts.MalformedSignature }));

        JObject floaty = (JObject)Valid.DeepClone();
        floaty["payload"]!["seq_no"] = 1.5m;
        Assert.That(Receipts.Verify(floaty, DefaultKey).Problems, Is.EqualTo(new[] { Receipts.MalformedPayload }));
        JObject noPayload = (JObject)Valid.DeepClone();
        noPayload.Remove("payload");
        Assert.That(Receipts.Verify(noPayload, DefaultKey).Problems, Is.EqualTo(new[] { Receipts.MalformedPayload }));
        Assert.That(Receipts.Verify(new JArray(), DefaultKey).Ok, Is.False);
        Assert.That(Receipts.Verify(JValue.CreateNull(), null!).Ok, Is.False);
    }

    [Test]
    public void A_carried_receipt_hash_must_equal_the_digest()
    {
        JObject receipt = (JObject)Valid.DeepClone();
        string digest = Receipts.Verify(receipt, DefaultKey).DigestHex!;
        receipt["receipt_hash"] = digest.ToUpperInvariant();
        Assert.That(Receipts.Verify(receipt, DefaultKey).Ok, Is.True);
        receipt["receipt_hash"] = new string('0', 64);
        Assert.That(Receipts.Verify(receipt, DefaultKey).Problems, Is.EqualTo(new[] { Receipts.HashMismatch }));
    }

    [Test]
    public void Any_flipped_signature_bit_fails()
    {
        string signature = (string)Valid["signature"]!;
        for (int i = 0; i < signature.Length; i += 7)
        {
            JObject receipt = (JObject)Valid.DeepClone();
            char flipped = signature[i] == '0' ? '1' : '0';
            receipt["signature"] = signature[..i] + flipped + signature[(i + 1)..];
            Assert.That(Receipts.Verify(receipt, DefaultKey).Ok, Is.False, $"position {i}");
        }
    }
}
