using Microsoft.Extensions.Logging;
using Moq;
using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Compliance;

public class AttestAndSessionTests
{
    [Test]
    public async Task Attest_logs_commitments_not_raw_values()
    {
        var writer = new RecordingWriter();
        var args = new { application = new { applicant = "Jane Doe", income = 52000 } };
        var result = await Attest.RunAsync(writer, "str_1", "approve_loan", args, _ => Task.FromResult(new { decision = "approve" }));
        Assert.That(result.decision, Is.EqualTo("approve"));

        (string streamId, StreamEventInput input) = writer.Logged.Single();
        Assert.That(streamId, Is.EqualTo("str_1"));
        Assert.That(input.EventType, Is.EqualTo(Attest.EventType));
        Assert.That(input.SourceRef, Does.StartWith("attest:approve_loan:"));
        var payload = (JObject)input.Payload!;
        Assert.That(payload.ToString(), Does.Not.Contain("Jane Doe").And.Not.Contain("52000"));
        Assert.That((string?)payload["status"], Is.EqualTo("ok"));
        Assert.That(PayloadCommitment.Verify(args, payload["args_commitment"]!), Is.True);
        Assert.That(PayloadCommitment.Verify(new { decision = "approve" }, payload["result_commitment"]!), Is.True);
    }

    [Test]
    public async Task Attest_records_errors_and_rethrows_the_original_exception()
    {
        var writer = new RecordingWriter();
        var boom = new InvalidOperationException("boom");
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Attest.RunAsync<int>(writer, "str_1", "f", new { a = 1 }, _ => throw boom));
        Assert.That(ex, Is.SameAs(boom));
        var payload = (JObject)writer.Logged.Single().Input.Payload!;
        Assert.That((string?)payload["status"], Is.EqualTo("error"));
        Assert.That((string?)payload["error_type"], Is.EqualTo("InvalidOperationException"));
        Assert.That(payload.ContainsKey("result_commitment"), Is.False);
    }

    [Test]
    public async Task A_logging_failure_never_breaks_the_call_and_is_reported_to_the_logger()
    {
        var writer = new RecordingWriter { FailWith = new AttestoServerException("down", 503) };
        var logger = new Mock<ILogger>();
        int value = await Attest.RunAsync(writer, "str_1", "f", null, _ => Task.FromResult(42), logger.Object);
        Assert.That(value, Is.EqualTo(42));
        logger.Verify(l => l.Log(LogLevel.Error, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<AttestoServerException>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Once);
    }

    [Test]
    public async Task Uncommittable_arguments_are_omitted_but_the_call_still_runs_and_is_logged()
    {
        var writer = new RecordingWriter();
        int value = await Attest.RunAsync(writer, "str_1", "f", new { score = 0.5 }, _ => Task.FromResult(1));
        Assert.That(value, Is.EqualTo(1));
        var payload = (JObject)writer.Logged.Single().Input.Payload!;
        Assert.That(payload.ContainsKey("args_commitment"), Is.False);
        Assert.That(payload.ContainsKey("result_commitment"), Is.True);
    }

    [TestCase(0.8731, "0.8731")]
    [TestCase(9007199254740993L, "9007199254740993")]
    public async Task Uncommittable_value_is_logged_by_path_and_rule_never_by_value(object secret, string secretText)
    {
        var writer = new RecordingWriter();
        var logger = new TestSupport.ListLogger();
        await Attest.RunAsync(writer, "str_1", "score_applicant", new { applicant = new { score = secret } }, _ => Task.FromResult(1), logger);

        string warning = logger.Messages.Single();
        Assert.That(warning, Does.Contain("$.applicant.score").And.Contain("number policy").And.Contain("arguments"));
        Assert.That(warning, Does.Not.Contain(secretText));
        foreach (Exception logged in logger.Exceptions)
        {
            for (Exception? e = logged; e is not null; e = e.InnerException)
            {
                Assert.That(e.Message + e.StackTrace, Does.Not.Contain(secretText));
            }
        }
    }

    [Test]
    public async Task Session_adds_actor_and_session_and_numbers_source_refs()
    {
        var writer = new RecordingWriter();
        await using (var session = new AttestoSession(writer, "str_1", "op_jerome"))
        {
            await session.LogAsync(new ModelDecision("credit-v1", "approve") { ConfidenceBp = 8700, HumanInLoop = true });
            await session.LogAsync(new HumanOverride("op_jerome", "approve", "deny"));
            Assert.That(Guid.TryParse(session.SessionId, out _), Is.True);
            var logged = writer.Logged.ToArray();
            Assert.That(logged.Select(l => l.Input.SourceRef), Is.EqualTo(new[] { session.SessionId + ":1", session.SessionId + ":2" }));
            Assert.That(logged.Select(l => l.Input.EventType), Is.EqualTo(new[] { "ai.model_decision", "ai.human_override" }));
            var payload = (JObject)logged[0].Input.Payload!;
            Assert.That((string?)payload["actor_ref"], Is.EqualTo("op_jerome"));
            Assert.That((string?)payload["session_id"], Is.EqualTo(session.SessionId));
        }

        Assert.That(writer.Logged, Has.Count.EqualTo(2), "open and close log nothing");
    }

    [Test]
    public async Task Session_validates_before_sending_and_refuses_after_close()
    {
        var writer = new RecordingWriter();
        var session = new AttestoSession(writer, "str_1", "op");
        Assert.Throws<AttestoValidationException>(() => session.LogAsync(new ModelDecision("", "x")));
        Assert.That(writer.Logged, Is.Empty);
        await session.DisposeAsync();
        Assert.Throws<ObjectDisposedException>(() => session.LogAsync(new ModelDecision("m", "x")));
        Assert.Throws<AttestoValidationException>(() => new AttestoSession(writer, "", "op"));
    }

    [Test]
    public async Task Disposing_waits_for_logs_in_flight()
    {
        var writer = new RecordingWriter { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var session = new AttestoSession(writer, "str_1", "op");
        Task<StreamEventReceipt> pending = session.LogAsync(new ModelDecision("m", "d"));
        ValueTask closing = session.DisposeAsync();
        Assert.That(closing.IsCompleted, Is.False);
        writer.Gate.SetResult();
        await closing;
        Assert.That(pending.IsCompletedSuccessfully, Is.True);
        Assert.That(writer.Logged, Has.Count.EqualTo(1));
    }
}
