namespace Fuzz.Harness;

/// <summary>A target's own property (e.g. a round trip) failed: always a crash, never a documented rejection.</summary>
public sealed class FuzzPropertyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FuzzPropertyException()
    {
    }

    /// <summary>Creates the exception with a message naming the broken property.</summary>
    /// <param name="message">What did not hold.</param>
    public FuzzPropertyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What did not hold.</param>
    /// <param name="innerException">The cause.</param>
    public FuzzPropertyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Throws when <paramref name="condition"/> is false.</summary>
    /// <param name="condition">The property.</param>
    /// <param name="message">What did not hold.</param>
    public static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new FuzzPropertyException(message);
        }
    }
}
