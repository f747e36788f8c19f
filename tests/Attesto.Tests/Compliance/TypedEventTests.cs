using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Compliance;

public class TypedEventTests
{
    [Test]
    public void Model_decision_payload_is_snake_case_without_nulls_and_with_default_refs()
    {
        var decision = new ModelDecision("credit-v1", "approve")
        {
            InputCommitment = PayloadCommitment.Compute(new { applicant = "a-1" }),
            ConfidenceBp = 8700,
            HumanInLoop = true,
        };
        decision.RegulationRefs.Add("GDPR:Art.22");
        decision.RegulationRefs.Add("EU-AI-ACT:Art.12");
        JObject payload = decision.ToPayload();
        Assert.That(payload.Properties().Select(p => p.Name), Is.EqualTo(new[] { "model", "decision", "input_commitment", "confidence_bp", "human_in_loop", "regulation_refs" }));
        Assert.That(payload["regulation_refs"]!.Select(t => (string)t!), Is.EqualTo(new[] { "EU-AI-ACT:Art.12", "GDPR:Art.22" }));
        Assert.That(payload["input_commitment"]!["hash_alg"]!.ToString(), Is.EqualTo("sha256"));
        Assert.That(decision.EventType, Is.EqualTo("ai.model_decision"));
    }

    [TestCase(-1)]
    [TestCase(10001)]
    public void Confidence_out_of_range_is_rejected(int bp)
    {
        var ex = Assert.Throws<AttestoValidationException>(() => new ModelDecision("m", "d") { ConfidenceBp = bp }.Validate());
        Assert.That(ex!.Message, Does.Contain("confidence_bp"));
    }

    [Test]
    public void Required_fields_are_named()
    {
        var ex = Assert.Throws<AttestoValidationException>(() => new ModelDecision("", " ").Validate());
        Assert.That(ex!.Message, Does.Contain("model is required").And.Contain("decision is required"));
        Assert.Throws<AttestoValidationException>(() => new HumanOverride("op", "", "deny").Validate());
        Assert.Throws<AttestoValidationException>(() => new DataAccess("op", "ds", null!).Validate());
        Assert.Throws<AttestoValidationException>(() => new IncidentReport("inc", "high", "").Validate());
    }

    [Test]
    public void Enumerated_fields_are_checked()
    {
        Assert.Throws<AttestoValidationException>(() => new IncidentReport("inc-1", "severe", "x").Validate());
        Assert.DoesNotThrow(() => new IncidentReport("inc-1", "critical", "x").Validate());
        Assert.Throws<AttestoValidationException>(() => new DataAccess("op", "ds", "audit") { AccessType = "copy" }.Validate());
        Assert.Throws<AttestoValidationException>(() => new DataAccess("op", "ds", "audit") { RecordCount = -1 }.Validate());
    }

    [Test]
    public void Number_policy_applies_to_typed_events()
    {
        var ex = Assert.Throws<AttestoUnsafeNumberException>(() => new DataAccess("op", "ds", "audit") { RecordCount = 9007199254740992 }.Validate());
        Assert.That(ex!.Path, Is.EqualTo("$.record_count"));
    }

    [Test]
    public void Incident_timestamps_must_be_timezone_aware()
    {
        var incident = new IncidentReport("inc-1", "low", "x")
        {
            DetectedAt = new DateTimeOffset(2026, 6, 7, 12, 0, 0, TimeSpan.FromHours(2)),
            AffectedSystems = ["credit-api"],
        };
        JObject payload = incident.ToPayload();
        Assert.That((string?)payload["detected_at"], Is.EqualTo("2026-06-07T12:00:00.000000+02:00"));
        Assert.That(payload["regulation_refs"]!.Select(t => (string)t!), Is.EqualTo(new[] { "EU-AI-ACT:Art.73", "NIS2:Art.23" }));
        Assert.Throws<AttestoValidationException>(() => new IncidentReport("inc", "low", "x") { DetectedAt = new DateTime(2026, 1, 1) }.Validate());
    }

    [Test]
    public void Human_override_and_data_access_payloads()
    {
        JObject over = new HumanOverride("op_jerome", "approve", "deny") { Reason = "policy" }.ToPayload();
        Assert.That(over.Properties().Select(p => p.Name), Is.EqualTo(new[] { "actor_ref", "original_decision", "new_decision", "reason", "regulation_refs" }));
        JObject access = new DataAccess("op", "ds-1", "audit") { AccessType = "export", RecordCount = 12 }.ToPayload();
        Assert.That((long)access["record_count"]!, Is.EqualTo(12));
        Assert.That(access["regulation_refs"]!.Select(t => (string)t!), Is.EqualTo(new[] { "GDPR:Art.30" }));
    }

    [Test]
    public void Empty_regulation_refs_are_rejected()
    {
        var decision = new ModelDecision("m", "d");
        decision.RegulationRefs.Add(" ");
        Assert.Throws<AttestoValidationException>(decision.Validate);
    }
}
