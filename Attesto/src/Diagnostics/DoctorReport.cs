using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>
/// The doctor's deterministic report: checks in a fixed order (<c>self_test</c>, <c>ed25519</c>,
/// <c>number_policy</c>, <c>head_store</c>, <c>reachability</c>, <c>protocol</c>, <c>clock_skew_s</c>).
/// </summary>
public sealed class DoctorReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="checks">The checks in order.</param>
    public DoctorReport(IReadOnlyList<DoctorCheck> checks)
    {
        AttestoArguments.NotNull(checks, nameof(checks));
        Checks = checks;
    }

    /// <summary>The checks in their fixed order.</summary>
    public IReadOnlyList<DoctorCheck> Checks { get; }

    /// <summary>Whether no check failed (skipped checks do not count as failures).</summary>
    public bool Ok => Checks.All(c => c.Ok != false);

    /// <summary>The check with a given key, or null.</summary>
    /// <param name="name">The key, e.g. <c>protocol</c>.</param>
    /// <returns>The check.</returns>
    public DoctorCheck? this[string name] => Checks.FirstOrDefault(c => c.Name == name);

    /// <summary>The report as <c>{"self_test": {"ok": …, "detail": …}, …}</c>.</summary>
    /// <returns>The JSON object.</returns>
    public JObject ToJson()
    {
        var json = new JObject();
        foreach (DoctorCheck check in Checks)
        {
            json[check.Name] = new JObject { ["ok"] = check.Ok, ["detail"] = check.Detail };
        }

        return json;
    }

    /// <summary>One line per check.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Join('\n', Checks.Select(c => $"{c.Name}: {(c.Ok switch { true => "ok", false => "FAILED", null => "skipped" })} - {c.Detail}"));
}
