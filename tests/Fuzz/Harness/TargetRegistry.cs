using Fuzz.Targets;

namespace Fuzz.Harness;

/// <summary>Every fuzz target by name: the AFL entry point, the replay and the CI test all read this one list.</summary>
public static class TargetRegistry
{
    /// <summary>The targets, in the order FUZZING.md lists them.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new LucairnCertificateTextTarget(),
        new LucairnCertificateBytesTarget(),
        new AttestoReceiptTarget(),
        new AttestoProofsTarget(),
        new AttestoVerifierBundleTarget(),
        new AttestoWebhookTarget(),
        new AttestoCompletenessTarget(),
        new AttestoPayloadCommitmentTarget(),
        new NomyoPackageTarget(),
        new NomyoPlaintextTarget(),
        new CanonicalJsonParseTarget(),
        new CanonicalJsonRoundTripTarget(),
        new PemTarget(),
        new StrictBase64Target(),
        new HexTarget(),
    ];

    /// <summary>The target names.</summary>
    public static IEnumerable<string> Names => All.Select(t => t.Name);

    /// <summary>Finds a target by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The target, or null when there is none of that name.</returns>
    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
