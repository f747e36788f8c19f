namespace Nomyo;

/// <summary>Wire names of <see cref="SecurityTier"/>.</summary>
internal static class SecurityTierExtensions
{
    /// <summary>The header value (<c>standard</c>, <c>high</c>, <c>maximum</c>); an undefined value is rejected.</summary>
    /// <exception cref="NomyoValidationException">An undefined value; the message starts with <paramref name="paramName"/>.</exception>
    internal static string ToWireName(this SecurityTier tier, string paramName) => tier switch
    {
        SecurityTier.Standard => "standard",
        SecurityTier.High => "high",
        SecurityTier.Maximum => "maximum",
        _ => throw NomyoValidationException.For(
            paramName, $"is {(int)tier}, not a security tier: use SecurityTier.Standard, High or Maximum (\"standard\", \"high\", \"maximum\")."),
    };
}
