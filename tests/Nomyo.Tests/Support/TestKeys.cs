using Shared.Crypto;

namespace Nomyo.Tests;

/// <summary>RSA-4096 keys generated once per test run (in parallel), shared by every test.</summary>
internal static class TestKeys
{
    private static readonly Task<RsaPrivateKey> ClientTask = Task.Run(() => RsaPrivateKey.Generate());
    private static readonly Task<RsaPrivateKey> ServerTask = Task.Run(() => RsaPrivateKey.Generate());
    private static readonly Lazy<RsaPrivateKey> OtherServerLazy = new(() => RsaPrivateKey.Generate(2048));

    /// <summary>The client key.</summary>
    internal static RsaPrivateKey Client => ClientTask.GetAwaiter().GetResult();

    /// <summary>The emulator's server key.</summary>
    internal static RsaPrivateKey Server => ServerTask.GetAwaiter().GetResult();

    /// <summary>A different (2048-bit) server key, for pin mismatches and impostor servers.</summary>
    internal static RsaPrivateKey OtherServer => OtherServerLazy.Value;
}
