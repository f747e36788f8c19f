using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>The fields of a checkpoint that chain it to its predecessor.</summary>
/// <param name="CheckpointId">The checkpoint id (<c>chk_…</c>), if known.</param>
/// <param name="FromSeqNo">The first sequence number covered.</param>
/// <param name="ToSeqNo">The last sequence number covered.</param>
/// <param name="CheckpointHash">The checkpoint hash (hex).</param>
/// <param name="PreviousCheckpointHash">The previous checkpoint's hash (hex), or null for the first.</param>
/// <param name="AnchorStatus">The anchor status (e.g. <c>confirmed</c>), if known.</param>
public sealed record CheckpointRange(
    string? CheckpointId,
    long FromSeqNo,
    long ToSeqNo,
    string CheckpointHash,
    string? PreviousCheckpointHash,
    string? AnchorStatus = null)
{
    /// <summary>
    /// Reads a checkpoint object: <c>checkpoint_id</c>, <c>from_seq_no</c>, <c>to_seq_no</c>,
    /// <c>checkpoint_hash</c>, <c>previous_checkpoint_hash</c>, <c>anchor_status</c> (snake or camel case).
    /// </summary>
    /// <param name="json">The checkpoint object.</param>
    /// <param name="checkpoint">The parsed checkpoint, or null when a required field is missing or malformed.</param>
    /// <returns>Whether the object could be read.</returns>
    public static bool TryFromJson(JToken? json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CheckpointRange? checkpoint)
    {
        checkpoint = null;
        if (json is not JObject obj
            || JsonFields.Integer(obj, "from_seq_no", "fromSeqNo") is not { } from
            || JsonFields.Integer(obj, "to_seq_no", "toSeqNo") is not { } to
            || JsonFields.Text(obj, "checkpoint_hash", "checkpointHash") is not { } hash)
        {
            return false;
        }

        checkpoint = new CheckpointRange(
            JsonFields.Text(obj, "checkpoint_id", "checkpointId"),
            from,
            to,
            hash,
            JsonFields.Text(obj, "previous_checkpoint_hash", "previousCheckpointHash"),
            JsonFields.Text(obj, "anchor_status", "anchorStatus"));
        return true;
    }
}
