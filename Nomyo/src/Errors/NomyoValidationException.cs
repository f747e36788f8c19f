namespace Nomyo;

/// <summary>
/// A caller mistake found before anything was sent: a constructor argument, a
/// <see cref="NomyoClientOptions"/> setting, the DI configuration, or a per-call argument (an
/// empty model or message list, <c>stream = true</c>, an unknown security tier, an empty per-call
/// API key, a payload over 10,485,760 bytes, NaN, …). The message starts with <see cref="ParamName"/>.
/// </summary>
public class NomyoValidationException : NomyoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong, starting with the argument or option name.</param>
    /// <param name="paramName">The argument or option, e.g. <c>options.BaseUrl</c> or <c>messages</c>; null when none applies.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public NomyoValidationException(string message, string? paramName = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ParamName = paramName;
    }

    /// <summary>The argument or option that was wrong (e.g. <c>options.BaseUrl</c>, <c>messages</c>), or null.</summary>
    public string? ParamName { get; }

    /// <summary>An exception whose message is "<paramref name="paramName"/> <paramref name="problem"/>".</summary>
    internal static NomyoValidationException For(string paramName, string problem, Exception? innerException = null) =>
        new($"{paramName} {problem}", paramName, innerException);

    /// <summary>Throws when <paramref name="value"/> is null.</summary>
    internal static T NotNull<T>(T? value, string paramName)
        where T : class =>
        value ?? throw For(paramName, "must not be null.");
}
