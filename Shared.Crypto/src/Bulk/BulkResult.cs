using System.Diagnostics.CodeAnalysis;

namespace Shared.Crypto;

/// <summary>
/// The outcome for one document of a bulk run: its position in the input, and either the
/// verifier's result or the exception it threw (one bad document never ends the run).
/// </summary>
/// <typeparam name="TResult">What the per-document verifier returns.</typeparam>
public sealed class BulkResult<TResult>
{
    internal BulkResult(long index, TResult? value, Exception? error, TimeSpan elapsed)
    {
        Index = index;
        Value = value;
        Error = error;
        Elapsed = elapsed;
    }

    /// <summary>The zero-based position of the document in the input sequence.</summary>
    public long Index { get; }

    /// <summary>The verifier's result; default when <see cref="Succeeded"/> is false.</summary>
    public TResult? Value { get; }

    /// <summary>Why the document failed (the exception the verifier threw), or null when it verified.</summary>
    public Exception? Error { get; }

    /// <summary>Whether the verifier returned without throwing.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>How long the verifier spent on this document.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The position and outcome, for logs.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => Succeeded ? $"#{Index}: ok" : $"#{Index}: failed ({Error.GetType().Name}: {Error.Message})";
}
