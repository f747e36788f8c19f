using Attesto;

namespace AttestoSamples;

/// <summary>Example 3: prove no event was omitted in a range: seq numbers gap-free and every previous hash linked.</summary>
internal static class CompletenessCheck
{
    internal static async Task RunAsync(SampleEnvironment env)
    {
        ProofStream stream = await env.Client.CreateStreamAsync("completeness-demo", env.PolicyId);
        var inputs = Enumerable.Range(1, 8).Select(i => new StreamEventInput($"step-{i}", new { step = i }) { EventType = "pipeline.step" });
        await env.Client.LogEventsAsync(stream.StreamId!, inputs);

        var events = new List<ChainEvent>();
        await foreach (ChainEvent e in env.Client.ReadStreamEventsAsync(stream.StreamId!))
        {
            events.Add(e);
        }

        // The verifier rejects events outside the range it is asked about, so hand it exactly that range.
        List<ChainEvent> range = events.Where(e => e.SeqNo is >= 5 and <= 8).ToList();
        CompletenessReport full = Completeness.Verify(range, fromSeqNo: 5, toSeqNo: 8);
        Console.WriteLine($"events 5..8 complete: {full.Ok}");

        CompletenessReport withGap = Completeness.Verify(range.Where(e => e.SeqNo != 6), fromSeqNo: 5, toSeqNo: 8);
        Console.WriteLine($"with seq 6 withheld: ok={withGap.Ok}, missing={string.Join(", ", withGap.MissingSeqNos)}");
    }
}
