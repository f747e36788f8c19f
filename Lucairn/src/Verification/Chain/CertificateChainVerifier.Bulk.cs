using Shared.Crypto;
using Shared.Telemetry;

namespace Lucairn;

/// <summary>Bulk chain verification: many certificates on every core, results in input order.</summary>
public static partial class CertificateChainVerifier
{
    /// <summary>
    /// Verifies a sequence of raw certificates (exactly as received) on
    /// <see cref="BulkOptions.MaxDegreeOfParallelism"/> workers and yields one result per
    /// certificate in input order, each equal to what <see cref="Verify(byte[], CertificateChainKeys)"/>
    /// returns for it. A bad certificate (malformed, tampered, null) is a FAILED result, never the
    /// end of the run. The keys are loaded once, before the run starts: a refused key throws here,
    /// not on the first certificate. Memory stays bounded whatever the length of the sequence (it is
    /// read a few documents ahead).
    /// </summary>
    /// <param name="certificates">The raw certificate bytes (enumerated on a worker thread; blocking reads are fine). Null is a FAILED <c>malformed</c> result.</param>
    /// <param name="keys">The pinned keys and options.</param>
    /// <param name="options">Workers, read-ahead and progress; null for <see cref="BulkOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The results in input order.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="certificates"/> or <paramref name="keys"/> is null.</exception>
    /// <exception cref="LucairnValidationException">An option of <paramref name="keys"/> is wrong.</exception>
    /// <exception cref="LucairnPinnedKeyException">A pinned key is refused.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IAsyncEnumerable<BulkResult<CertificateChainResult>> VerifyManyAsync(
        IEnumerable<byte[]?> certificates, CertificateChainKeys keys, BulkOptions? options = null, CancellationToken cancellationToken = default)
    {
        _ = Require.NotNull(certificates, nameof(certificates));
        return BulkRunner.RunAsync(certificates, Chain(keys), options, cancellationToken);
    }

    /// <summary>
    /// Verifies an asynchronous sequence of raw certificates (a file or network stream split into
    /// documents, say) on several workers; otherwise as
    /// <see cref="VerifyManyAsync(IEnumerable{byte[]}, CertificateChainKeys, BulkOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="certificates">The raw certificate bytes. Null is a FAILED <c>malformed</c> result.</param>
    /// <param name="keys">The pinned keys and options.</param>
    /// <param name="options">Workers, read-ahead and progress; null for <see cref="BulkOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The results in input order.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="certificates"/> or <paramref name="keys"/> is null.</exception>
    /// <exception cref="LucairnValidationException">An option of <paramref name="keys"/> is wrong.</exception>
    /// <exception cref="LucairnPinnedKeyException">A pinned key is refused.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IAsyncEnumerable<BulkResult<CertificateChainResult>> VerifyStreamAsync(
        IAsyncEnumerable<byte[]?> certificates, CertificateChainKeys keys, BulkOptions? options = null, CancellationToken cancellationToken = default)
    {
        _ = Require.NotNull(certificates, nameof(certificates));
        return BulkRunner.RunStreamAsync(certificates, Chain(keys), options, cancellationToken);
    }

    /// <summary>
    /// The per-document check the bulk methods run: <see cref="Verify(byte[], CertificateChainKeys)"/>
    /// with the keys loaded once, now (a refused key throws before any certificate is read).
    /// </summary>
    internal static Func<byte[]?, CertificateChainResult> Chain(CertificateChainKeys keys)
    {
        _ = Require.NotNull(keys, nameof(keys));
        LoadedChainKeys loaded = keys.Load();
        return certificate =>
        {
            using VerificationScope? span = StartSpan();
            return Completed(span, certificate is null ? ChainRun.Fail("1") : ChainRun.Run(certificate, loaded));
        };
    }
}
