namespace Lucairn;

/// <summary>Options for <see cref="LucairnClient.ListAuditEventsAsync"/> (query and per-call settings).</summary>
public class AuditExportOptions : LucairnRequestOptions
{
    /// <summary>The smallest accepted <see cref="Days"/>.</summary>
    public const int MinDays = 1;

    /// <summary>The largest accepted <see cref="Days"/> (the gateway's maximum).</summary>
    public const int MaxDays = 90;

    /// <summary>How many days back to export (1 to 90); null leaves the gateway default (30).</summary>
    public int? Days { get; set; }

    /// <summary>Only events of this type (for example <c>proxy.completed</c>); null for all. Sent percent-encoded.</summary>
    public string? Type { get; set; }
}
