using Attesto;

namespace AttestoSamples;

/// <summary>Example 1: create a stream and log one event; the client verifies its signed receipt before returning.</summary>
internal static class FirstAttestedEvent
{
    internal static async Task RunAsync(SampleEnvironment env)
    {
        ProofStream stream = await env.Client.CreateStreamAsync("credit-decisions", env.PolicyId);
        StreamEventReceipt logged = await env.Client.LogEventAsync(
            stream.StreamId!,
            sourceRef: "loan-application-42",
            payload: new { decision = "approve", score_bp = 8700, model = "risk-v3" },
            eventType: "ai.model_decision",
            occurredAt: DateTimeOffset.UtcNow);

        Console.WriteLine($"stream      {stream.StreamId}");
        Console.WriteLine($"event       {logged.StreamEventId} seq_no={logged.SeqNo}");
        Console.WriteLine($"event_hash  {logged.EventHash}");
        Console.WriteLine($"receipt     kid={logged.GetReceipt()?["kid"]} (verified offline and witnessed before this line)");
    }
}
