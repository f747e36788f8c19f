using Shared.Crypto;

namespace Nomyo.Testing;

/// <summary>Settings of <see cref="NomyoEmulator"/>.</summary>
public sealed class NomyoEmulatorOptions
{
    /// <summary>The bearer token the emulator requires; null accepts any request, with or without a key.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The server RSA key. Null generates a fresh RSA-4096 key (seconds of CPU): tests that start
    /// many emulators should generate one key and pass it in.
    /// </summary>
    public RsaPrivateKey? ServerKey { get; set; }

    /// <summary>The clock for <c>created</c>, <c>processed_at</c> and injected delays.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
