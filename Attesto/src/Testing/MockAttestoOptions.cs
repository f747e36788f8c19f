namespace Attesto.Testing;

/// <summary>Settings of a <see cref="MockAttesto"/> instance.</summary>
public sealed class MockAttestoOptions
{
    /// <summary>How many events close a window (1–100000). Default 100.</summary>
    public int WindowSize { get; set; } = 100;

    /// <summary>How many witnesses sign each checkpoint (1–16). Default 3.</summary>
    public int WitnessCount { get; set; } = 3;

    /// <summary>The witness quorum the mock policy states (1–<see cref="WitnessCount"/>). Default 2.</summary>
    public int WitnessQuorum { get; set; } = 2;

    /// <summary>Whether anchor batch ids are 0x-prefixed bytes32 values instead of integers. Default false.</summary>
    public bool Bytes32BatchIds { get; set; }

    /// <summary>The clock for <c>accepted_at</c>, <c>created_at</c> and connector timestamps. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
