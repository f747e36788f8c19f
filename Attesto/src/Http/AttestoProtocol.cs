using System.Reflection;

namespace Attesto.Http;

/// <summary>The protocol identifiers this SDK sends with every request.</summary>
public static class AttestoProtocol
{
    /// <summary>The <c>X-Attesto-Protocol</c> value: protocol name and version this SDK speaks.</summary>
    public const string Version = "ATTESTO-PROOFSTREAM-001/0.1-alpha";

    /// <summary>The protocol name (without version), as bundle manifests carry it.</summary>
    public const string Name = "ATTESTO-PROOFSTREAM-001";

    /// <summary>The header that carries <see cref="Version"/>.</summary>
    public const string ProtocolHeader = "X-Attesto-Protocol";

    /// <summary>The header that names the SDK: <c>attesto-dotnet/&lt;version&gt;</c>.</summary>
    public const string SdkHeader = "X-Attesto-Sdk";

    /// <summary>The header that makes a write safe to retry.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The SDK identifier sent in <see cref="SdkHeader"/> and as the default User-Agent, e.g. <c>attesto-dotnet/0.1.0</c>.</summary>
    public static string SdkIdentifier { get; } = "attesto-dotnet/" + PackageVersion();

    private static string PackageVersion()
    {
        string? informational = typeof(AttestoProtocol).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            int plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus >= 0 ? informational[..plus] : informational;
        }

        return typeof(AttestoProtocol).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
