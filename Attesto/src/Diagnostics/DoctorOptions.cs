namespace Attesto;

/// <summary>What <see cref="Doctor.RunAsync"/> checks.</summary>
public sealed class DoctorOptions
{
    /// <summary>The client settings; without an API key the network checks are skipped.</summary>
    public AttestoClientOptions? Client { get; set; }

    /// <summary>A caller-owned <see cref="System.Net.Http.HttpClient"/> for the network checks (never disposed), or null.</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Your own sample payload for the number-policy dry run; null uses a built-in sample.</summary>
    public object? SamplePayload { get; set; }

    /// <summary>The head-store file whose directory must be writable; null means <c>~/.attesto/heads.json</c>.</summary>
    public string? HeadStorePath { get; set; }
}
