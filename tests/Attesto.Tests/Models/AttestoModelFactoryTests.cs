using Moq;
using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Models;

/// <summary><see cref="AttestoModelFactory"/>: every property settable through a parameter, nothing shared with the arguments.</summary>
public class AttestoModelFactoryTests
{
    [Test]
    public void Every_factory_parameter_lands_on_the_property_of_the_same_name()
    {
        var offenders = new List<string>();
        foreach (var method in typeof(AttestoModelFactory).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        {
            Type model = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericTypeDefinition() : method.ReturnType;
            var properties = model.GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var getters = model.GetMethods().Where(m => m.Name.StartsWith("Get", StringComparison.Ordinal) && m.GetParameters().Length == 0 && m.DeclaringType == model)
                .Select(m => m.Name[3..]).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in method.GetParameters())
            {
                if (!parameter.HasDefaultValue)
                {
                    offenders.Add($"{method.Name}({parameter.Name}) is not optional");
                }

                if (!properties.Contains(parameter.Name!) && !getters.Contains(parameter.Name!))
                {
                    offenders.Add($"{method.Name}({parameter.Name}) matches no property of {model.Name}");
                }
            }

            foreach (string property in model.GetProperties().Select(p => p.Name).Where(p => p != "EqualityContract"))
            {
                if (!method.GetParameters().Any(p => string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase)))
                {
                    offenders.Add($"{method.Name} has no parameter for {model.Name}.{property}");
                }
            }
        }

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void A_receipt_built_by_the_factory_keeps_its_values_and_shares_no_json_with_the_caller()
    {
        var signed = new JObject { ["alg"] = "Ed25519", ["kid"] = "k", ["payload"] = new JObject { ["seq_no"] = 3 }, ["signature"] = "00" };
        InclusionProof inclusion = AttestoModelFactory.InclusionProof("win_1", 2, "aa", new JArray(new JObject { ["hash"] = "bb", ["position"] = "left" }), "cc");

        StreamEventReceipt receipt = AttestoModelFactory.StreamEventReceipt("sev_1", "str_1", 3, "ee", "ff", "hh", signed, inclusion, mock: true);
        signed["kid"] = "changed by the caller";

        Assert.Multiple(() =>
        {
            Assert.That(receipt.StreamEventId, Is.EqualTo("sev_1"));
            Assert.That(receipt.StreamId, Is.EqualTo("str_1"));
            Assert.That(receipt.SeqNo, Is.EqualTo(3));
            Assert.That(receipt.EventHash, Is.EqualTo("ee"));
            Assert.That(receipt.PreviousEventHash, Is.EqualTo("ff"));
            Assert.That(receipt.StreamHeadHash, Is.EqualTo("hh"));
            Assert.That(receipt.Mock, Is.True);
            Assert.That((string?)receipt.GetReceipt()!["kid"], Is.EqualTo("k"));
            Assert.That(receipt.Inclusion!.GetProof()!, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Collections_are_copied_and_read_only()
    {
        var ids = new List<string> { "win_1" };
        Checkpoint checkpoint = AttestoModelFactory.Checkpoint("chk_1", windowIds: ids, witnessSignatures: [AttestoModelFactory.WitnessSignature("w1", "sig")]);
        ids.Add("win_2");

        Assert.That(checkpoint.CheckpointId, Is.EqualTo("chk_1"));
        Assert.That(checkpoint.WindowIds, Is.EqualTo(new[] { "win_1" }));
        Assert.That(checkpoint.WindowIds, Is.Not.InstanceOf<List<string>>(), "a caller could cast back and mutate");
        Assert.That(checkpoint.WitnessSignatures![0].WitnessId, Is.EqualTo("w1"));
        Assert.That(AttestoModelFactory.Page(new[] { checkpoint }, total: 7).Items.Single(), Is.SameAs(checkpoint));
        Assert.That(AttestoModelFactory.VerificationResult().Problems, Is.Empty);
    }

    [Test]
    public async Task A_mocked_client_answers_with_factory_models_without_json()
    {
        var client = new Mock<AttestoV2Client>();
        client.Setup(c => c.GetAnchorEpochAsync("aep_1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(AttestoModelFactory.AnchorEpoch("aep_1", status: "confirmed", checkpointIds: ["chk_1"]));
        client.Setup(c => c.ListWindowsAsync(null, null, 0, It.IsAny<CancellationToken>()))
            .ReturnsAsync(AttestoModelFactory.Page([AttestoModelFactory.Window("win_1", "str_1", 0, 9, "aa")], total: 1));

        AnchorEpoch epoch = await client.Object.GetAnchorEpochAsync("aep_1");
        Page<Window> windows = await client.Object.ListWindowsAsync();

        Assert.That(epoch.Status, Is.EqualTo("confirmed"));
        Assert.That(epoch.CheckpointIds, Is.EqualTo(new[] { "chk_1" }));
        Assert.That(windows.Total, Is.EqualTo(1));
        Assert.That(windows.Items.Single().ToSeqNo, Is.EqualTo(9));
    }

    [Test]
    public void Public_verify_result_and_v1_models_round_trip_their_values()
    {
        PublicVerifyResult verdict = AttestoModelFactory.PublicVerifyResult(true, new JObject { ["valid"] = true });
        JObject raw = verdict.GetRaw();
        raw["valid"] = false;

        Assert.That(verdict.Ok, Is.True);
        Assert.That((bool)verdict.GetRaw()["valid"]!, Is.True, "GetRaw hands out a copy");
        Assert.That(AttestoModelFactory.PublicVerifyResult().GetRaw(), Is.Empty);
        Assert.That(AttestoModelFactory.EventBatchAck(2, [AttestoModelFactory.EventAck("evt_1", "sys", "t")]).Events.Single().Id, Is.EqualTo("evt_1"));
        Assert.That(AttestoModelFactory.EventProof("{}", new JArray(), "b").GetProof(), Is.InstanceOf<JArray>());
        Assert.That(AttestoModelFactory.ChainEvent(4, "aa", "bb", "t"), Is.EqualTo(new ChainEvent(4, "aa", "bb", "t")));
        Assert.That(AttestoModelFactory.CheckpointRange("chk", 0, 9, "aa").ToSeqNo, Is.EqualTo(9));
    }
}
