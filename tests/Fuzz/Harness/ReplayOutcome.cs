namespace Fuzz.Harness;

/// <summary>What one replayed input did.</summary>
public enum ReplayOutcome
{
    /// <summary>The entry point returned a result.</summary>
    Accepted,

    /// <summary>The entry point threw one of its documented exceptions.</summary>
    Rejected,

    /// <summary>An undocumented exception or a broken property: a bug.</summary>
    Crash,

    /// <summary>The input did not finish within the time limit: a bug.</summary>
    Hang,
}
