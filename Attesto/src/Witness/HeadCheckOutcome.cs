namespace Attesto;

/// <summary>What a receipt means for the stored head of its stream.</summary>
internal enum HeadCheckOutcome
{
    /// <summary>The receipt moves the head forward (first sighting, next event, or a forward gap).</summary>
    Advance,

    /// <summary>The receipt repeats the stored head exactly (idempotent replay).</summary>
    NoOp,

    /// <summary>The receipt contradicts the stored head.</summary>
    Fork,
}
