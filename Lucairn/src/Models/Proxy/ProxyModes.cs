namespace Lucairn;

/// <summary>The accepted values of <see cref="ProxyRequest.Mode"/>.</summary>
public static class ProxyModes
{
    /// <summary>Normal traffic.</summary>
    public const string Live = "live";

    /// <summary>Evaluation against ground truth.</summary>
    public const string ProvingGround = "proving_ground";
}
