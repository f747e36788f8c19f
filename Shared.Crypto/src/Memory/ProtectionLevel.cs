namespace Shared.Crypto;

/// <summary>How much protection secure buffers actually get on this machine.</summary>
public enum ProtectionLevel
{
    /// <summary>Buffers are neither locked nor wiped (wire name <c>none</c>).</summary>
    None,

    /// <summary>Buffers are wiped on dispose but cannot be locked in RAM (wire name <c>zeroing_only</c>).</summary>
    ZeroingOnly,

    /// <summary>Buffers are locked in RAM (kept out of swap) and wiped on dispose (wire name <c>full</c>).</summary>
    Full,
}
