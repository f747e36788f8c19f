namespace Attesto;

/// <summary>One inclusion proof to check in bulk: the leaf hash, the audit path and the expected root.</summary>
/// <param name="LeafHash">The leaf hash, 64 hex digits.</param>
/// <param name="Proof">The audit path from the leaf to the root.</param>
/// <param name="RootHash">The expected root, 64 hex digits.</param>
public sealed record InclusionCheck(string LeafHash, IReadOnlyList<MerkleProofStep> Proof, string RootHash);
