namespace Lucairn;

/// <summary>
/// THE ordered check list of the chain recipe (lucairn-chain spec §6, upstream recipe-table.md):
/// 30 rows, the first failing step decides. <see cref="ChainRun"/> decides only through
/// <see cref="Get"/>, so a step missing here cannot be reached.
/// </summary>
internal static class ChainSteps
{
    internal static readonly ChainStep[] All =
    [
        new("1", ChainVerdicts.Failed, ChainReasons.Malformed),
        new("2", ChainVerdicts.Failed, ChainReasons.UnsupportedProtocolVersion),
        new("3", ChainVerdicts.Failed, ChainReasons.WitnessKeyMismatch),
        new("4", ChainVerdicts.Failed, ChainReasons.VersionDowngradeDetected),
        new("5a", ChainVerdicts.Failed, ChainReasons.Malformed),
        new("5b", ChainVerdicts.Failed, ChainReasons.WitnessSignatureInvalid),
        new("5c", ChainVerdicts.Failed, ChainReasons.WitnessSignatureInvalid),
        new("5d", ChainVerdicts.Failed, ChainReasons.SignableVersionInsufficient),
        new("5e", ChainVerdicts.Failed, ChainReasons.RequestMismatch),
        new("6a", ChainVerdicts.Failed, ChainReasons.SealedFailed),
        new("6b", ChainVerdicts.Failed, ChainReasons.Malformed),
        new("6c", ChainVerdicts.Failed, ChainReasons.DuplicateClaimId),
        new("7a", ChainVerdicts.Failed, ChainReasons.UnknownService),
        new("7b", ChainVerdicts.Failed, ChainReasons.Malformed),
        new("7c", ChainVerdicts.Failed, ChainReasons.ServiceKeyMismatch),
        new("7d", ChainVerdicts.Failed, ChainReasons.ClaimSignatureInvalid),
        new("7e", ChainVerdicts.Failed, ChainReasons.ClaimCanonicalMismatch),
        new("7f", ChainVerdicts.Failed, ChainReasons.ClaimNotWitnessListed),
        new("7g", ChainVerdicts.Failed, ChainReasons.ClaimCanonicalMismatch),
        new("7h", ChainVerdicts.Failed, ChainReasons.RequestIdSplice),
        new("7i", ChainVerdicts.Failed, ChainReasons.TypedPayloadMismatch),
        new("8a", ChainVerdicts.Failed, ChainReasons.EgressDigestMalformed),
        new("8b", ChainVerdicts.Failed, ChainReasons.EgressBodyUnbound),
        new("8c", ChainVerdicts.Failed, ChainReasons.EgressBodyHashMismatch),
        new("8d", ChainVerdicts.Failed, ChainReasons.CertTierMismatch),
        new("9a", ChainVerdicts.Partial, ChainReasons.InferenceUnfinished),
        new("9b", ChainVerdicts.Partial, ChainReasons.UserSentUnredacted),
        new("9c", ChainVerdicts.Partial, ChainReasons.SealedPartial),
        new("9d", ChainVerdicts.EgressUnattested, ChainReasons.EgressUnattested),
        new("9e", ChainVerdicts.Verified, ChainReasons.Ok),
    ];

    private static readonly Dictionary<string, ChainStep> ById = All.ToDictionary(step => step.Id, StringComparer.Ordinal);

    /// <summary>The row for a step id.</summary>
    internal static ChainStep Get(string id) => ById[id];
}
