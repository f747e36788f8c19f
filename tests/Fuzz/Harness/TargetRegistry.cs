using Fuzz.Targets;

namespace Fuzz.Harness;

/// <summary>Every fuzz target by name: the AFL entry point, the replay and the CI test all read this one list.</summary>
public static class TargetRegistry
{
    /// <summary>
    /// The targets by name, in the order FUZZING.md lists them. Factories rather than instances:
    /// under AFL no SDK code may run before SharpFuzz has set up its coverage map, so the AFL entry
    /// point checks the name here and creates the target only inside the fuzz loop.
    /// </summary>
    private static readonly (string Name, Func<FuzzTarget> Create)[] Factories =
    [
        ("lucairn-cert-text", () => new LucairnCertificateTextTarget()),
        ("lucairn-cert-bytes", () => new LucairnCertificateBytesTarget()),
        ("lucairn-chain", () => new LucairnCertificateChainTarget()),
        ("attesto-receipt", () => new AttestoReceiptTarget()),
        ("attesto-proofs", () => new AttestoProofsTarget()),
        ("attesto-bundle", () => new AttestoVerifierBundleTarget()),
        ("attesto-webhook", () => new AttestoWebhookTarget()),
        ("attesto-completeness", () => new AttestoCompletenessTarget()),
        ("attesto-payload-commitment", () => new AttestoPayloadCommitmentTarget()),
        ("nomyo-package", () => new NomyoPackageTarget()),
        ("nomyo-plaintext", () => new NomyoPlaintextTarget()),
        ("json-parse", () => new CanonicalJsonParseTarget()),
        ("json-roundtrip", () => new CanonicalJsonRoundTripTarget()),
        ("pem", () => new PemTarget()),
        ("base64", () => new StrictBase64Target()),
        ("hex", () => new HexTarget()),
    ];

    private static readonly Lazy<IReadOnlyList<FuzzTarget>> Instances = new(() => Factories.Select(f => f.Create()).ToList());

    /// <summary>The target names (creates no target).</summary>
    public static IReadOnlyList<string> Names { get; } = Factories.Select(f => f.Name).ToList();

    /// <summary>Every target (created on first use).</summary>
    public static IReadOnlyList<FuzzTarget> All => Instances.Value;

    /// <summary>Creates a fresh target by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The target, or null when there is none of that name.</returns>
    public static FuzzTarget? Create(string name) =>
        Factories.Where(f => string.Equals(f.Name, name, StringComparison.Ordinal)).Select(f => f.Create()).FirstOrDefault();

    /// <summary>Finds a target by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The target, or null when there is none of that name.</returns>
    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
