namespace Shared.Crypto.Tests.Canonical;

/// <summary>
/// The two vendor profiles, defined here as the vendor packages define them (Shared.Crypto knows
/// no vendor): Lucairn's witness profile and Attesto's safe-integer profile.
/// </summary>
internal static class TestProfiles
{
    internal static CanonicalJsonOptions Lucairn { get; } = new() { Name = "lucairn-witness" };

    internal static CanonicalJsonOptions Attesto { get; } = new() { Name = "attesto", SafeIntegersOnly = true };
}
