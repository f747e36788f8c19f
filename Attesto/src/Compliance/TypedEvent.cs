using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>
/// A typed compliance event (spec §17): a fixed <see cref="EventType"/>, snake_case payload
/// fields with nulls dropped, and <c>regulation_refs</c> (the type's defaults plus the caller's
/// <see cref="RegulationRefs"/>). <see cref="Validate"/> checks required fields, ranges and the
/// number policy; <see cref="ToPayload"/> validates first.
/// </summary>
public abstract class TypedEvent
{
    /// <summary>The stream event type, e.g. <c>ai.model_decision</c>.</summary>
    public abstract string EventType { get; }

    /// <summary>Extra regulation references, e.g. <c>GDPR:Art.22</c>; added after the type's defaults.</summary>
    public IList<string> RegulationRefs { get; } = [];

    /// <summary>The type's default regulation references.</summary>
    public abstract IReadOnlyList<string> DefaultRegulationRefs { get; }

    /// <summary>The defaults followed by the caller's additions, without duplicates.</summary>
    public IReadOnlyList<string> EffectiveRegulationRefs => [.. DefaultRegulationRefs.Concat(RegulationRefs).Distinct(StringComparer.Ordinal)];

    /// <summary>Checks required fields, value ranges, regulation references and the number policy.</summary>
    /// <exception cref="AttestoValidationException">A field is missing or out of range; the message names it.</exception>
    /// <exception cref="AttestoUnsafeNumberException">A field breaks the number policy.</exception>
    public void Validate() => _ = ToPayload();

    /// <summary>Builds the committed payload: the type's fields (snake_case, nulls dropped) and <c>regulation_refs</c>.</summary>
    /// <returns>The payload.</returns>
    /// <exception cref="AttestoValidationException">A field is missing or out of range.</exception>
    /// <exception cref="AttestoUnsafeNumberException">A field breaks the number policy.</exception>
    public JObject ToPayload()
    {
        var problems = new List<string>();
        CheckFields(problems);
        foreach (string reference in RegulationRefs)
        {
            if (string.IsNullOrWhiteSpace(reference))
            {
                problems.Add("regulation_refs must not contain empty entries");
            }
        }

        if (problems.Count > 0)
        {
            throw new AttestoValidationException($"{GetType().Name} is invalid: {string.Join("; ", problems)}.");
        }

        var payload = new JObject();
        foreach (KeyValuePair<string, JToken?> field in Fields())
        {
            if (field.Value is not null && field.Value.Type != JTokenType.Null && field.Value is not JValue { Value: null })
            {
                payload[field.Key] = field.Value;
            }
        }

        payload["regulation_refs"] = new JArray(EffectiveRegulationRefs);
        try
        {
            AttestoCanonicalJson.CheckNumberPolicy(payload);
        }
        catch (AttestoUnsafeNumberException ex)
        {
            throw new AttestoUnsafeNumberException($"{GetType().Name}: {ex.Message}", ex.Path, ex);
        }

        return payload;
    }

    /// <summary>The type's payload fields in order (snake_case names; null values are dropped).</summary>
    /// <returns>The fields.</returns>
    protected abstract IEnumerable<KeyValuePair<string, JToken?>> Fields();

    /// <summary>Adds a message per invalid field.</summary>
    /// <param name="problems">The list to add to.</param>
    protected abstract void CheckFields(IList<string> problems);

    /// <summary>Adds a problem when a required text field is empty.</summary>
    /// <param name="problems">The list to add to.</param>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value.</param>
    protected static void Require(IList<string> problems, string name, string? value)
    {
        AttestoArguments.NotNull(problems, nameof(problems));
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{name} is required");
        }
    }

    /// <summary>Adds a problem when a text field is set to a value outside <paramref name="allowed"/>.</summary>
    /// <param name="problems">The list to add to.</param>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value (null passes).</param>
    /// <param name="allowed">The accepted values.</param>
    protected static void OneOf(IList<string> problems, string name, string? value, params string[] allowed)
    {
        AttestoArguments.NotNull(problems, nameof(problems));
        AttestoArguments.NotNull(allowed, nameof(allowed));
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            problems.Add($"{name} must be one of {string.Join("|", allowed)}; got '{value}'");
        }
    }

    /// <summary>A field entry.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value (null is dropped).</param>
    /// <returns>The entry.</returns>
    protected static KeyValuePair<string, JToken?> Field(string name, JToken? value) => new(name, value);
}
