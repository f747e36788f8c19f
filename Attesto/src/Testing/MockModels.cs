using Newtonsoft.Json.Linq;

namespace Attesto.Testing;

/// <summary>One event in a mock stream.</summary>
internal sealed class MockEvent
{
    internal required string Id { get; init; }

    internal required long SeqNo { get; init; }

    internal required string EventHash { get; init; }

    internal required string PreviousEventHash { get; init; }

    internal required string HeadHash { get; init; }

    internal required string SourceRef { get; init; }

    internal required string? EventType { get; init; }

    internal required string OccurredAt { get; init; }

    internal required string PayloadHash { get; init; }

    /// <summary>The signed receipt; null until <see cref="MockLedger"/> signs the payload.</summary>
    internal JObject Receipt { get; set; } = null!;

    internal required JObject ReceiptPayload { get; init; }

    /// <summary>The write answer for this event, serialised once (events never change after signing).</summary>
    internal string? ResponseJson { get; set; }

    internal MockWindow? Window { get; set; }

    internal int LeafIndex { get; set; }
}

/// <summary>A closed window of a mock stream.</summary>
internal sealed class MockWindow
{
    internal required string Id { get; init; }

    internal required string StreamId { get; init; }

    internal required long FromSeqNo { get; init; }

    internal required long ToSeqNo { get; init; }

    internal required string Root { get; init; }

    internal required List<byte[]> Leaves { get; init; }

    internal string? CheckpointId { get; set; }
}

/// <summary>A checkpoint of a mock stream.</summary>
internal sealed class MockCheckpoint
{
    internal required string Id { get; init; }

    internal required string StreamId { get; init; }

    internal required long FromSeqNo { get; init; }

    internal required long ToSeqNo { get; init; }

    internal required string Root { get; init; }

    internal required string Hash { get; init; }

    internal required string PreviousHash { get; init; }

    internal required List<MockWindow> Windows { get; init; }

    internal required JArray WitnessSignatures { get; init; }

    internal required string AnchorEpochId { get; init; }

    internal required string CreatedAt { get; init; }
}

/// <summary>A mock stream and its chain.</summary>
internal sealed class MockStream
{
    internal required string Id { get; init; }

    internal required string UseCase { get; init; }

    internal required string PolicyId { get; init; }

    internal required string CreatedAt { get; init; }

    internal List<MockEvent> Events { get; } = [];

    internal Dictionary<string, MockEvent> BySourceRef { get; } = new(StringComparer.Ordinal);

    internal List<MockWindow> Windows { get; } = [];

    internal List<MockCheckpoint> Checkpoints { get; } = [];

    /// <summary>Events appended since the last window closed.</summary>
    internal int PendingFrom { get; set; }
}
