using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Models;

/// <summary>Output models read from the wire: ids required, JSON values handed out as copies.</summary>
public class OutputModelTests
{
    [TestCase(typeof(Checkpoint), """{"stream_id":"str_1"}""", "checkpoint_id")]
    [TestCase(typeof(Window), """{"window_id":null}""", "window_id")]
    [TestCase(typeof(StreamEventReceipt), """{"seq_no":1}""", "stream_event_id")]
    [TestCase(typeof(ProofStream), """{"use_case":"u"}""", "stream_id")]
    [TestCase(typeof(EventAck), """{"system_id":"s"}""", "id")]
    public void An_answer_without_its_id_is_rejected(Type model, string json, string field)
    {
        var ex = Assert.Throws<Newtonsoft.Json.JsonSerializationException>(() => WireJson.Parse(json).ToObject(model, WireJson.Serializer));
        Assert.That(ex!.Message, Does.Contain(field));
    }

    [Test]
    public void Ids_are_read_from_their_alias_and_camel_case()
    {
        Assert.That(WireJson.Bind<Checkpoint>(WireJson.Parse("""{"id":"chk_1"}""")).CheckpointId, Is.EqualTo("chk_1"));
        Assert.That(WireJson.Bind<StreamEventReceipt>(WireJson.Parse("""{"streamEventId":"sev_1"}""")).StreamEventId, Is.EqualTo("sev_1"));
    }

    [Test]
    public void A_bound_receipt_is_handed_out_as_a_fresh_copy_each_time()
    {
        StreamEventReceipt bound = WireJson.Bind<StreamEventReceipt>(WireJson.Parse(
            """{"stream_event_id":"sev_1","receipt":{"alg":"Ed25519","kid":"k","payload":{"seq_no":1},"signature":"00"},"inclusion":{"proof":[{"hash":"aa","position":"left"}]}}"""));

        JObject first = bound.GetReceipt()!;
        first["kid"] = "tampered";
        ((JObject)first["payload"]!)["seq_no"] = 99;
        bound.Inclusion!.GetProof()!.Clear();

        JObject second = bound.GetReceipt()!;
        Assert.That(second, Is.Not.SameAs(bound.GetReceipt()));
        Assert.That((string?)bound.GetReceipt()!["kid"], Is.EqualTo("k"));
        Assert.That((int)bound.GetReceipt()!["payload"]!["seq_no"]!, Is.EqualTo(1));
        Assert.That(bound.Inclusion.GetProof()!, Has.Count.EqualTo(1));
    }
}
