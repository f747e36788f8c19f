using System.Diagnostics.CodeAnalysis;

namespace Attesto;

/// <summary>
/// The argument checks of the public surface: a caller mistake is an
/// <see cref="AttestoValidationException"/> naming the argument (never an
/// <see cref="ArgumentException"/>), so one catch covers every mistake the SDK reports.
/// </summary>
internal static class AttestoArguments
{
    /// <summary>Throws when <paramref name="value"/> is null.</summary>
    /// <param name="value">The argument.</param>
    /// <param name="name">Its name, which the message starts with.</param>
    internal static void NotNull([NotNull] object? value, string name)
    {
        if (value is null)
        {
            throw new AttestoValidationException($"{name} is required (got null).", name);
        }
    }

    /// <summary>Throws when <paramref name="value"/> is null or empty.</summary>
    /// <param name="value">The argument.</param>
    /// <param name="name">Its name, which the message starts with.</param>
    internal static void NotEmpty([NotNull] string? value, string name)
    {
        NotNull(value, name);
        if (value.Length == 0)
        {
            throw new AttestoValidationException($"{name} must not be empty.", name);
        }
    }

    /// <summary>Throws when <paramref name="value"/> is null, empty or only whitespace.</summary>
    /// <param name="value">The argument.</param>
    /// <param name="name">Its name, which the message starts with.</param>
    internal static void NotBlank([NotNull] string? value, string name)
    {
        NotNull(value, name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new AttestoValidationException($"{name} must not be empty or whitespace.", name);
        }
    }

    /// <summary>Throws <paramref name="message"/> (prefixed with the name) when <paramref name="condition"/> is false.</summary>
    /// <param name="condition">Whether the argument is acceptable.</param>
    /// <param name="name">The argument's name.</param>
    /// <param name="message">What is wrong, after the name.</param>
    internal static void Require([DoesNotReturnIf(false)] bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new AttestoValidationException($"{name} {message}", name);
        }
    }
}
