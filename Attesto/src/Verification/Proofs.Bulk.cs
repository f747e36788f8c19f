using Shared.Crypto;

namespace Attesto;

/// <summary>Bulk inclusion-proof verification.</summary>
public static partial class Proofs
{
    /// <summary>
    /// Checks a sequence of inclusion proofs on <see cref="BulkOptions.MaxDegreeOfParallelism"/>
    /// workers; yields, in input order, whether each proof leads from its leaf to its root. A null
    /// check is a failed result; the run goes on.
    /// </summary>
    /// <param name="checks">The proofs to check (enumerated on a worker thread).</param>
    /// <param name="options">Workers, read-ahead and progress; null for <see cref="BulkOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>One result per check, in input order: true when the proof holds.</returns>
    /// <exception cref="AttestoValidationException"><paramref name="checks"/> is null.</exception>
    public static IAsyncEnumerable<BulkResult<bool>> VerifyInclusionManyAsync(
        IEnumerable<InclusionCheck?> checks, BulkOptions? options = null, CancellationToken cancellationToken = default)
    {
        AttestoArguments.NotNull(checks, nameof(checks));
        return BulkRunner.RunAsync(checks, Check, options, cancellationToken);
    }

    /// <summary>Checks an asynchronous sequence of inclusion proofs; otherwise as <see cref="VerifyInclusionManyAsync"/>.</summary>
    /// <param name="checks">The proofs to check.</param>
    /// <param name="options">Workers, read-ahead and progress; null for <see cref="BulkOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>One result per check, in input order: true when the proof holds.</returns>
    /// <exception cref="AttestoValidationException"><paramref name="checks"/> is null.</exception>
    public static IAsyncEnumerable<BulkResult<bool>> VerifyInclusionStreamAsync(
        IAsyncEnumerable<InclusionCheck?> checks, BulkOptions? options = null, CancellationToken cancellationToken = default)
    {
        AttestoArguments.NotNull(checks, nameof(checks));
        return BulkRunner.RunStreamAsync(checks, Check, options, cancellationToken);
    }

    private static bool Check(InclusionCheck? check) =>
        check is null ? throw new AttestoValidationException("The inclusion check is null.", nameof(check)) : VerifyInclusion(check.LeafHash, check.Proof, check.RootHash);
}
