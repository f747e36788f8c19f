namespace Lucairn;

/// <summary>Small helpers over <see cref="VeilCertificate"/>.</summary>
public static class Certificates
{
    /// <summary>
    /// The certificate's organisation correlation id (<c>client_id</c>): the string as served (an
    /// empty string stays empty), or null when the member is absent or null. Signed only on
    /// v3-verified certificates.
    /// </summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The client id or null.</returns>
    /// <exception cref="LucairnValidationException"><paramref name="certificate"/> is null.</exception>
    public static string? GetClientId(VeilCertificate certificate)
    {
        _ = Require.NotNull(certificate, nameof(certificate));
        return certificate.ClientId;
    }
}
