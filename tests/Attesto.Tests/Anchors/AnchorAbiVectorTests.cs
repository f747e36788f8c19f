using Attesto.Verification;
using System.Text;
using Attesto.Models;
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
            Attesto.Verification.Anchors.CheckReceipt(example["result"]!, new AnchorEpoch { ContractAddress = "0x01" }, problems);
            Assert.That(problems.Count == 0, Is.EqualTo((bool)example["expected_ok"]!), example.ToString());
            if (example["problem"] is JValue problem)
            {
                Assert.That(problems, Is.EqualTo(new[] { (string)problem! }));
            }
        }
    }

    [TestCase("getCommitment(address)", "1")]
    [TestCase("getCommitment", "1")]
    [TestCase("getCommitment(uint256)", "-1")]
    [TestCase("getCommitment(uint256)", "abc")]
    [TestCase("getCommitment(bytes32)", "42")]
    public void Unusable_signature_or_batch_id_is_rejected(string signature, string batchId)
    {
        Assert.Throws<ArgumentException>(() => AnchorAbi.EncodeCall(signature, batchId));
    }

    [Test]
    public void Uint256_overflow_is_rejected()
    {
        string tooBig = System.Numerics.BigInteger.Pow(2, 256).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Throws<ArgumentException>(() => AnchorAbi.EncodeCall("getCommitment(uint256)", tooBig));
    }
}
