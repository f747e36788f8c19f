using Lucairn;

namespace Fuzz.Targets;

/// <summary>
/// The two witness keys of the Lucairn vectors (<c>tests/vectors/lucairn/MANIFEST.md</c>): the test
/// key signs every <c>cert-*.json</c>, the production key signs the real v3 certificate. Both
/// targets verify each input under both, so either kind of seed reaches past the signature check.
/// </summary>
internal static class LucairnKeys
{
    internal static readonly VerifyCertificateKeys Test = new("witness_v1", "3jjwX4cJZYOW/d8ELu1vEKhXGIeq+zsZ4LymOeym8hE=");

    internal static readonly VerifyCertificateKeys Production = new("witness_v1", "ALoYnR2xElnmroA+71c55gC+AfI9tc3I9PSv99+qvMU=");
}
