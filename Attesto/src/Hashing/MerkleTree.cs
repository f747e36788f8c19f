using Shared.Crypto;

namespace Attesto;

/// <summary>
/// The Merkle tree of windows and checkpoints (spec §10): leaves are 32-byte digests in order
/// (event hashes for windows, window hashes for checkpoints, no extra leaf hashing); each level
/// pairs neighbours with the domain's node function; an odd node at the end of a level is
/// promoted unchanged (never duplicated or self-hashed) and contributes no proof step; a single
/// leaf is its own root. Builds roots and proofs (for the emulator) and verifies proofs.
/// </summary>
internal static class MerkleTree
{
    /// <summary>Computes the node of two children in <paramref name="domain"/>.</summary>
    internal static void Node(MerkleDomain domain, ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        if (domain == MerkleDomain.Window)
        {
            AttestoHashes.WindowNode(left, right, destination);
        }
        else
        {
            AttestoHashes.CheckpointNode(left, right, destination);
        }
    }

    /// <summary>Computes the root over <paramref name="leaves"/>.</summary>
    /// <param name="leaves">One or more 32-byte digests, in order.</param>
    /// <param name="domain">The node function.</param>
    /// <returns>The 32-byte root.</returns>
    /// <exception cref="AttestoValidationException">The list is empty or a leaf is not 32 bytes.</exception>
    internal static byte[] ComputeRoot(IReadOnlyList<byte[]> leaves, MerkleDomain domain)
    {
        List<byte[]> level = CheckedCopy(leaves);
        while (level.Count > 1)
        {
            level = NextLevel(level, domain);
        }

        return level[0];
    }

    /// <summary>Builds the inclusion proof of leaf <paramref name="leafIndex"/>, ordered from the leaf upward.</summary>
    /// <param name="leaves">One or more 32-byte digests, in order.</param>
    /// <param name="leafIndex">The zero-based index of the leaf.</param>
    /// <param name="domain">The node function.</param>
    /// <returns>The proof steps (empty for a single leaf).</returns>
    /// <exception cref="AttestoValidationException">The list is empty or a leaf is not 32 bytes.</exception>
    /// <exception cref="AttestoValidationException">The index is outside the list.</exception>
    internal static IReadOnlyList<MerkleProofStep> BuildProof(IReadOnlyList<byte[]> leaves, int leafIndex, MerkleDomain domain)
    {
        List<byte[]> level = CheckedCopy(leaves);
        AttestoArguments.Require(leafIndex >= 0 && leafIndex < level.Count, nameof(leafIndex), $"must be between 0 and {level.Count - 1}; got {leafIndex}.");
        var steps = new List<MerkleProofStep>();
        int index = leafIndex;
        while (level.Count > 1)
        {
            bool promoted = index == level.Count - 1 && level.Count % 2 == 1;
            if (!promoted)
            {
                int sibling = index ^ 1;
                steps.Add(new MerkleProofStep(Hex.Encode(level[sibling]), sibling < index ? MerkleSide.Left : MerkleSide.Right));
            }

            level = NextLevel(level, domain);
            index /= 2;
        }

        return steps;
    }

    /// <summary>
    /// Folds a proof from the leaf and compares with the root. Never throws on malformed input:
    /// any hex that is not exactly 32 bytes gives false.
    /// </summary>
    /// <param name="leafHash">The leaf digest (hex).</param>
    /// <param name="proof">The steps from the leaf upward.</param>
    /// <param name="rootHash">The expected root (hex).</param>
    /// <param name="domain">The node function.</param>
    /// <returns>Whether the proof leads from the leaf to the root.</returns>
    internal static bool VerifyInclusion(string? leafHash, IReadOnlyList<MerkleProofStep>? proof, string? rootHash, MerkleDomain domain)
    {
        if (leafHash is null || proof is null || rootHash is null)
        {
            return false;
        }

        Span<byte> current = stackalloc byte[Hashes.DigestSize];
        Span<byte> sibling = stackalloc byte[Hashes.DigestSize];
        Span<byte> root = stackalloc byte[Hashes.DigestSize];
        if (!HexSpan.TryDecode(leafHash, current) || !HexSpan.TryDecode(rootHash, root))
        {
            return false;
        }

        for (int i = 0; i < proof.Count; i++)
        {
            MerkleProofStep? step = proof[i];
            if (step?.Hash is null || !HexSpan.TryDecode(step.Hash, sibling))
            {
                return false;
            }

            switch (step.Position)
            {
                case MerkleSide.Left:
                    Node(domain, sibling, current, current);
                    break;
                case MerkleSide.Right:
                    Node(domain, current, sibling, current);
                    break;
                default:
                    return false;
            }
        }

        return current.SequenceEqual(root);
    }

    private static List<byte[]> CheckedCopy(IReadOnlyList<byte[]> leaves)
    {
        AttestoArguments.NotNull(leaves, nameof(leaves));
        if (leaves.Count == 0)
        {
            throw new AttestoValidationException("A Merkle tree needs at least one leaf.", nameof(leaves));
        }

        var copy = new List<byte[]>(leaves.Count);
        for (int i = 0; i < leaves.Count; i++)
        {
            byte[]? leaf = leaves[i];
            if (leaf is null || leaf.Length != Hashes.DigestSize)
            {
                throw new AttestoValidationException($"Leaf {i} must be a {Hashes.DigestSize}-byte digest.", nameof(leaves));
            }

            copy.Add(leaf);
        }

        return copy;
    }

    private static List<byte[]> NextLevel(List<byte[]> level, MerkleDomain domain)
    {
        var next = new List<byte[]>((level.Count + 1) / 2);
        for (int i = 0; i + 1 < level.Count; i += 2)
        {
            byte[] node = new byte[Hashes.DigestSize];
            Node(domain, level[i], level[i + 1], node);
            next.Add(node);
        }

        if (level.Count % 2 == 1)
        {
            next.Add(level[^1]);
        }

        return next;
    }
}
