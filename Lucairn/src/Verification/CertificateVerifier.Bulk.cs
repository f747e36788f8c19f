using Shared.Crypto;

namespace Lucairn;

/// <summary>Bulk verification: many certificates on every core, results in input order.</summary>
public static partial class CertificateVerifier
{
    /// <summary>
    /// Verifies a sequence of certificate JSON texts on <see cref="BulkOptions.MaxDegreeOfParallelism"/>
    /// workers and yields one result per certificate in input order. A certificate that fails is
    /// a failed result whose <see cref="BulkResult{TResult}.Error"/> is the
    /// <see cref="LucairnCertificateException"/> that <see cref="Verify(string?, VerifyCertificateKeys, SignableVersion?)"/>
    /// would throw; the run goes on. The witness key is decoded once for the whole run. Memory
    /// stays bounded whatever the length of the sequence (it is read a few documents ahead).
    /// </summary>
    /// <param name="certificates">The certificate JSON texts (enumerated on a worker thread; blocking reads are fine).</param>
    /// <param name="keys">The expected witness key id and public key.</param>
    /// <param name="minimumSignableVersion"><see cref="SignableVersion.V3"/> to reject certificates that verify only as v2; null imposes nothing.</param>
    /// <param name="options">Workers, read-ahead and progress; null for <see cref="BulkOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The results in input order.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="certificates"/> or <paramref name="keys"/> is null.</exception>
    /// <exception cref="LucairnValidationException"><paramref name="minimumSignableVersion"/> is not a defined value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option of <paramref name="options"/> is out of range.</exception>
    public static IAsyncEnumerable<BulkResult<VerifyCertificateResult>> VerifyManyAsync(
        IEnumerable<string?> certificates, VerifyCertificateKeys keys, SignableVersion? minimumSignableVersion = null, BulkOptions? options = null, CancellationToken cancellationToken = default)
    {
        _ = Require.NotNull(certificates, nameof(certificates));
        return BulkRunner.RunAsync(certificates, Witness(keys, minimumSignableVersion), options, cancellationToken);
    }

    /// <summary>
    /// Verifies an asynchronous sequence of certificate JSON texts (a file or network stream read
    /// line by line, say) on several workers; otherwise as
    /// <see cref="VerifyManyAsync(IEnumerable{string?}, VerifyCertificateKeys, SignableVersion?, BulkOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="certificates">The certificate JSON texts.</param>
    /// <param name="keys">The expected witness key id and public key.</param>
    /// <param name="minimumSignableVersion"><see cref="SignableVersion.V3"/> to reject certificates that verify only as v2; null imposes nothing.</param>
    /// <param name="options">Workers, read-ahead and progress; null for <see cref="BulkOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The results in input order.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="certificates"/> or <paramref name="keys"/> is null.</exception>
    /// <exception cref="LucairnValidationException"><paramref name="minimumSignableVersion"/> is not a defined value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option of <paramref name="options"/> is out of range.</exception>
    public static IAsyncEnumerable<BulkResult<VerifyCertificateResult>> VerifyStreamAsync(
        IAsyncEnumerable<string?> certificates, VerifyCertificateKeys keys, SignableVersion? minimumSignableVersion = null, BulkOptions? options = null, CancellationToken cancellationToken = default)
    {
        _ = Require.NotNull(certificates, nameof(certificates));
        return BulkRunner.RunStreamAsync(certificates, Witness(keys, minimumSignableVersion), options, cancellationToken);
    }

    /// <summary>
    /// The per-document check the bulk methods run: the witness signature check of
    /// <see cref="Verify(string?, VerifyCertificateKeys, SignableVersion?)"/>, with the arguments
    /// checked and the key decoded once. Any other per-document check (a chain check, say)
    /// plugs into <see cref="BulkRunner"/> the same way.
    /// </summary>
    internal static Func<string?, VerifyCertificateResult> Witness(VerifyCertificateKeys keys, SignableVersion? minimumSignableVersion)
    {
        CheckArguments(keys, minimumSignableVersion);
        try
        {
            // Decode the key once, up front; an unusable key still fails each certificate (as Verify does).
            _ = keys.WitnessPublicKey;
        }
        catch (CryptoFormatException)
        {
        }

        return certificate => Run(CertificateReader.Read(certificate), keys, minimumSignableVersion);
    }
}
