using Newtonsoft.Json.Linq;

namespace Nomyo.Testing;

/// <summary>A secure completion request the emulator accepted and decrypted.</summary>
/// <param name="PayloadId">The <c>X-Payload-ID</c> header.</param>
/// <param name="Authorization">The <c>Authorization</c> header, or null.</param>
/// <param name="SecurityTier">The <c>X-Security-Tier</c> header, or null.</param>
/// <param name="PublicKeyHeader">The raw (percent-encoded) <c>X-Public-Key</c> header.</param>
/// <param name="ContentType">The <c>Content-Type</c> header, or null.</param>
/// <param name="Payload">The decrypted payload.</param>
/// <param name="PayloadBytes">The decrypted payload bytes exactly as the client serialized them.</param>
/// <param name="Body">The raw request body (the encrypted package).</param>
public sealed record NomyoEmulatorRequest(
    string PayloadId,
    string? Authorization,
    string? SecurityTier,
    string PublicKeyHeader,
    string? ContentType,
    JObject Payload,
    byte[] PayloadBytes,
    byte[] Body);
