namespace Lucairn.Testing;

/// <summary>Settings of a <see cref="LucairnEmulator"/>.</summary>
public sealed class LucairnEmulatorOptions
{
    /// <summary>The emulator's clock: issue times, certificate availability and injected delays (default the system clock).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long after a request its certificate becomes available (202 before); default zero.</summary>
    public TimeSpan CertificateDelay { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// The signable version of issued certificates: <see cref="SignableVersion.V3"/> (default,
    /// dual-signed) or <see cref="SignableVersion.V2"/> (legacy). A messages request can override
    /// it with the header <see cref="LucairnEmulator.SignableVersionHeader"/>.
    /// </summary>
    public SignableVersion CertificateVersion { get; init; } = SignableVersion.V3;
}
