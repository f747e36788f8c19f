using Lucairn;

namespace TheVeil;

/// <summary>
/// The pre-rename name of <see cref="LucairnException"/>. <see cref="TheVeilClient"/> throws only
/// TheVeil* exceptions; each derives from its Lucairn counterpart, so <c>catch (LucairnException)</c>
/// still catches everything. C# has no type aliases across assemblies: this class catches only
/// plain transport failures, so catch <see cref="LucairnException"/> to catch every error.
/// </summary>
[Obsolete("TheVeil was renamed to Lucairn: use Lucairn.LucairnException.")]
public class TheVeilException : LucairnException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause, or null.</param>
    public TheVeilException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
