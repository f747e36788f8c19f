namespace Nomyo;

/// <summary>The server's isolation level for an inference, sent as the <c>X-Security-Tier</c> header.</summary>
public enum SecurityTier
{
    /// <summary><c>standard</c>: GPU inference, general secure use.</summary>
    Standard,

    /// <summary><c>high</c>: CPU or GPU, sensitive business data.</summary>
    High,

    /// <summary><c>maximum</c>: CPU only, for PHI and classified data.</summary>
    Maximum,
}
