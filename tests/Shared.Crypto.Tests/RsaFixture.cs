namespace Shared.Crypto.Tests;

/// <summary>One RSA-4096 key for the whole run: generating one takes seconds.</summary>
internal static class RsaFixture
{
    private static readonly Lazy<RsaPrivateKey> Lazy = new(() => RsaPrivateKey.Generate());

    internal static RsaPrivateKey Key => Lazy.Value;
}
