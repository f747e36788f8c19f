namespace Lucairn;

/// <summary>Argument checks of the public surface: a null is a <see cref="LucairnValidationException"/> naming the argument, never an <see cref="ArgumentNullException"/>.</summary>
internal static class Require
{
    /// <summary>Returns <paramref name="value"/>, or throws when it is null.</summary>
    /// <param name="value">The argument.</param>
    /// <param name="name">The parameter name; it starts the message.</param>
    internal static T NotNull<T>(T? value, string name)
        where T : class =>
        value ?? throw new LucairnValidationException($"{name} must not be null.", name);
}
