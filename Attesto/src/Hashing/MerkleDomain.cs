namespace Attesto;

/// <summary>Which node function a Merkle tree uses.</summary>
internal enum MerkleDomain
{
    /// <summary>Event leaves folded into a window root (<c>attesto.v2.window</c>).</summary>
    Window,

    /// <summary>Window hashes folded into a checkpoint root (<c>attesto.v2.checkpoint</c>).</summary>
    Checkpoint,
}
