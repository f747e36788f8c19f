namespace Attesto;

/// <summary>Which side of the running hash a Merkle proof sibling sits on.</summary>
public enum MerkleSide
{
    /// <summary>The sibling is the left child: <c>node(sibling, current)</c>.</summary>
    Left,

    /// <summary>The sibling is the right child: <c>node(current, sibling)</c>.</summary>
    Right,
}
