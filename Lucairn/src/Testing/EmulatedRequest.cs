namespace Lucairn.Testing;

/// <summary>A proxy request the emulator answered, and when its certificate becomes available.</summary>
internal sealed record EmulatedRequest(string RequestId, EmulatorCustomer Customer, DateTimeOffset IssuedAt, SignableVersion Version, int RedactionCount, EmulatorCertificateFault Fault)
{
    /// <summary>The certificate JSON, built and signed once on first successful fetch.</summary>
    internal string? CertificateJson { get; set; }
}
