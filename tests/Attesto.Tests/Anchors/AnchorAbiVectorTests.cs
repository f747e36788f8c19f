using System.Text;
using Newtonsoft.Json.Linq;
using Shared.Crypto;
using TestSupport;

namespace Attesto.Tests.Anchors;

public class AnchorAbiVectorTests
{
    private static readonly JObject Vector = Vectors.Read("anchor-abi.derived.json");

    [Test]
    public void Keccak_of_empty_input_matches()
    {
        Assert.That(Hex.Encode(Hashes.Keccak256(Encoding.ASCII.GetBytes(string.Empty))), Is.EqualTo((string)Vector["keccak256_empty"]!));
    }

    [Test]
    public void Selectors_match()
    {
        foreach (JProperty selector in ((JObject)Vector["selectors"]!).Properties())
        {
            Assert.That(AnchorAbi.Selector(selector.Name), Is.EqualTo((string)selector.Value!), selector.Name);
        }
    }

    [Test]
    public void Calldata_matches()
    {
        foreach (JObject example in Vector["calldata_examples"]!.Cast<JObject>())
        {
            string batchId = example["batch_id"]!.ToString();
            string signature = (string)example["signature"]!;
            Assert.That(AnchorAbi.EncodeCall(signature, batchId), Is.EqualTo((string)example["data"]!), signature + " " + batchId);
            Assert.That(AnchorAbi.DefaultSignature(batchId), Is.EqualTo(signature), "default signature is chosen by the batch id's shape");
        }
    }

    [Test]
    public void First_word_of_call_result_is_the_root()
    {
        var example = (JObject)Vector["eth_call_result_example"]!;
        Assert.That(AnchorAbi.FirstWord((string)example["result"]!), Is.EqualTo(AnchorAbi.NormaliseHash((string)example["first_word_is_merkle_root"]!)));
        Assert.That(AnchorAbi.FirstWord("0x1234"), Is.Null);
        Assert.That(AnchorAbi.FirstWord(null), Is.Null);
    }

    [Test]
    public void Transaction_receipt_examples()
    {
        foreach (JObject example in Vector["tx_receipt_examples"]!.Cast<JObject>())
        {
            var problems = new List<string>();
            Attesto.Anchors.CheckReceipt(example["result"]!, new AnchorEpoch { ContractAddress = "0x01" }, problems);
            Assert.That(problems.Count == 0, Is.EqualTo((bool)example["expected_ok"]!), example.ToString());
            if (example["problem"] is JValue problem)
            {
                Assert.That(problems, Is.EqualTo(new[] { (string)problem! }));
            }
        }
    }

    [TestCase("getCommitment(address)")]
    [TestCase("getCommitment")]
    [TestCase("getCommitment(uint256,bytes32)")]
    public void An_unusable_signature_is_an_argument_error(string signature)
    {
        var error = Assert.Throws<AttestoValidationException>(() => AnchorAbi.EncodeCall(signature, "1"));
        Assert.That(error!.ParamName, Is.EqualTo("signature"));
    }

    private static readonly string SixtyFourHex = new('a', 64);

    private static IEnumerable<TestCaseData> RefusedUint256 =>
    [
        new TestCaseData("0x1234").SetName("uint256 refuses short hex"),
        new TestCaseData("0x0" + SixtyFourHex).SetName("uint256 refuses 65 hex digits"),
        new TestCaseData("0x" + new string('a', 63)).SetName("uint256 refuses 63 hex digits"),
        new TestCaseData("0x" + new string('g', 64)).SetName("uint256 refuses non-hex digits"),
        new TestCaseData("0x").SetName("uint256 refuses a bare 0x"),
        new TestCaseData("-1").SetName("uint256 refuses a negative number"),
        new TestCaseData("+1").SetName("uint256 refuses a sign"),
        new TestCaseData(" 1").SetName("uint256 refuses whitespace"),
        new TestCaseData("1.0").SetName("uint256 refuses a fraction"),
        new TestCaseData("1e3").SetName("uint256 refuses an exponent"),
        new TestCaseData("abc").SetName("uint256 refuses letters"),
        new TestCaseData("").SetName("uint256 refuses the empty string"),
        new TestCaseData("\u0661").SetName("uint256 refuses non-ASCII digits"),
        new TestCaseData(System.Numerics.BigInteger.Pow(2, 256).ToString(System.Globalization.CultureInfo.InvariantCulture)).SetName("uint256 refuses 2^256"),
    ];

    [TestCaseSource(nameof(RefusedUint256))]
    public void A_batch_id_that_is_not_a_uint256_shape_is_a_typed_error_naming_the_field(string batchId)
    {
        var error = Assert.Throws<AttestoValidationException>(() => AnchorAbi.EncodeCall(AnchorAbi.Uint256Signature, batchId));
        Assert.That(error!.Message, Does.StartWith("batch_id "));
    }

    [TestCase("42")]
    [TestCase("0x1234")]
    [TestCase("0x")]
    public void A_batch_id_that_is_not_32_byte_hex_is_refused_for_bytes32(string batchId)
    {
        var error = Assert.Throws<AttestoValidationException>(() => AnchorAbi.EncodeCall(AnchorAbi.Bytes32Signature, batchId));
        Assert.That(error!.Message, Does.StartWith("batch_id "));
    }

    [Test]
    public void The_accepted_uint256_shapes_encode_the_same_word()
    {
        string max = (System.Numerics.BigInteger.Pow(2, 256) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(AnchorAbi.EncodeCall(AnchorAbi.Uint256Signature, max), Is.EqualTo("0x69bcdb7d" + new string('f', 64)));
        Assert.That(AnchorAbi.EncodeCall(AnchorAbi.Uint256Signature, "0x" + new string('F', 64)), Is.EqualTo("0x69bcdb7d" + new string('f', 64)));
        Assert.That(AnchorAbi.EncodeCall(AnchorAbi.Uint256Signature, "0"), Is.EqualTo("0x69bcdb7d" + new string('0', 64)));
        Assert.That(AnchorAbi.EncodeCall(AnchorAbi.Uint256Signature, "0x" + SixtyFourHex), Is.EqualTo("0x69bcdb7d" + SixtyFourHex));
    }
}
