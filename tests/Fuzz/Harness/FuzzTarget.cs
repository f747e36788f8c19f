namespace Fuzz.Harness;

/// <summary>
/// One fuzz target: an untrusted entry point, the exceptions its XML docs promise, and the seeds
/// derived from <c>tests/vectors</c>. <see cref="Run"/> is the property every target checks: the
/// call returns, or throws one of <see cref="DocumentedExceptions"/> (a typed rejection); anything
/// else escapes as a crash for AFL or the replay to report.
/// </summary>
public abstract class FuzzTarget
{
    /// <summary>The name used on the command line and as the regression folder.</summary>
    public abstract string Name { get; }

    /// <summary>One line: what the input is and which API it reaches.</summary>
    public abstract string Description { get; }

    /// <summary>The exception types (and their subclasses) the entry point documents as typed rejections.</summary>
    public abstract IReadOnlyList<Type> DocumentedExceptions { get; }

    /// <summary>Runs one input; a documented exception is a rejection, anything else escapes.</summary>
    /// <param name="input">The raw input bytes.</param>
    /// <returns>Whether the entry point accepted the input (false: it threw a documented exception).</returns>
    public bool Run(ReadOnlySpan<byte> input)
    {
        try
        {
            Execute(input);
            return true;
        }
        catch (Exception ex) when (IsDocumented(ex))
        {
            return false;
        }
    }

    /// <summary>The seed inputs, derived at run time from the conformance vectors.</summary>
    /// <param name="seeds">The vector reader.</param>
    /// <returns>Named seed inputs.</returns>
    public abstract IEnumerable<FuzzInput> SeedInputs(Seeds seeds);

    /// <summary>All seed inputs: <see cref="SeedInputs"/> plus any a target builds at run time (e.g. with an emulator).</summary>
    /// <param name="seeds">The vector reader.</param>
    /// <param name="cancellationToken">Cancels building the seeds.</param>
    /// <returns>Named seed inputs.</returns>
    public virtual Task<IReadOnlyList<FuzzInput>> SeedInputsAsync(Seeds seeds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FuzzInput>>(SeedInputs(seeds).ToList());

    /// <summary>Calls the entry point with one input; throws <see cref="FuzzPropertyException"/> when a checked property fails.</summary>
    /// <param name="input">The raw input bytes.</param>
    protected abstract void Execute(ReadOnlySpan<byte> input);

    /// <summary>
    /// Makes one of several calls on the same input: a documented exception is swallowed (so the
    /// next call still runs), anything else escapes at once.
    /// </summary>
    /// <param name="call">The call.</param>
    /// <returns>Whether the call returned (false: it threw a documented exception).</returns>
    protected bool Attempt(Action call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            call();
            return true;
        }
        catch (Exception ex) when (IsDocumented(ex))
        {
            return false;
        }
    }

    private bool IsDocumented(Exception ex)
    {
        if (ex is FuzzPropertyException)
        {
            return false;
        }

        Type type = ex.GetType();
        foreach (Type documented in DocumentedExceptions)
        {
            if (documented.IsAssignableFrom(type))
            {
                return true;
            }
        }

        return false;
    }
}
