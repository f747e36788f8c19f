namespace Nomyo;

/// <summary>Wire names of <see cref="SecurityTier"/>.</summary>
internal static class SecurityTierExtensions
{
    /// <summary>The header value (<c>standard</c>, <c>high</c>, <c>maximum</c>); an undefined value is rejected.</summary>
    internal static string ToWireName(this SecurityTier tier) => tier switch
    {
        SecurityTier.Standard => "standard",
        SecurityTier.High => "high",
        SecurityTier.Maximum => "maximum",
        _ => throw new NomyoInvalidRequestException(
            $"Invalid security tier {(int)tier}: must be SecurityTier.Standard, High or Maximum (\"standard\", \"high\", \"maximum\")."),
    };
}
