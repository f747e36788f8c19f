namespace Attesto;

/// <summary>
/// The domain-separation tags. <c>attesto.v2.window</c> and <c>attesto.v2.checkpoint</c> are
/// CONFIRMED upstream; <c>attesto.v2.receipt</c>, <c>attesto.v2.event</c> and
/// <c>attesto.v2.head</c> are PROPOSED (spec §7) and used only through <see cref="AttestoHashes"/>.
/// </summary>
internal static class DomainTags
{
    /// <summary>Window Merkle nodes (CONFIRMED).</summary>
    internal const string Window = "attesto.v2.window";

    /// <summary>Checkpoint root nodes (CONFIRMED).</summary>
    internal const string Checkpoint = "attesto.v2.checkpoint";

    /// <summary>Receipt signing digest (PROPOSED).</summary>
    internal const string Receipt = "attesto.v2.receipt";

    /// <summary>Event hash (PROPOSED).</summary>
    internal const string Event = "attesto.v2.event";

    /// <summary>Stream head hash (PROPOSED).</summary>
    internal const string Head = "attesto.v2.head";

    /// <summary>Checkpoint hash (PROPOSED).</summary>
    internal const string CheckpointHash = "attesto.v2.checkpoint-hash";
}
