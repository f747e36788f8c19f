using System.Collections.Concurrent;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Attesto;

/// <summary>
/// Reads a v2 wire model whatever serializer settings are in use: rejects duplicate keys,
/// accepts each snake_case property also in camelCase (and under any <see cref="WireAliasAttribute"/>
/// name, snake or camel), then binds the canonical names. Writing is left to the serializer, so
/// requests go out in snake_case only.
/// </summary>
internal sealed class WireModelConverter : JsonConverter
{
    private static readonly JsonLoadSettings StrictLoad = new() { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error };
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, string>> AliasMaps = new();

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <summary>The camelCase spelling of a snake_case name (<c>stream_id</c> → <c>streamId</c>).</summary>
    internal static string CamelCase(string snake)
    {
        var builder = new System.Text.StringBuilder(snake.Length);
        bool upper = false;
        foreach (char c in snake)
        {
            if (c == '_')
            {
                upper = builder.Length > 0;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => objectType.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType == typeof(WireModelConverter);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonToken.StartObject)
        {
            throw new JsonSerializationException($"Expected a JSON object for {objectType.Name} at '{reader.Path}', found {reader.TokenType}.");
        }

        JObject source;
        if (reader is OwnedTokenReader { CurrentToken: JObject current })
        {
            // Nested model read from a parent this converter loaded (and duplicate-checked): use the
            // parent's token, which is discarded after binding, instead of copying it. A caller's own
            // token (ToObject) is always copied, never modified.
            source = current;
            reader.Skip();
        }
        else
        {
            source = JObject.Load(reader, StrictLoad);
        }

        IReadOnlyDictionary<string, string> aliases = AliasMaps.GetOrAdd(objectType, BuildAliasMap);
        if (source.Properties().Any(p => aliases.ContainsKey(p.Name)))
        {
            Normalise(source, aliases, objectType);
        }

        object target = existingValue ?? Activator.CreateInstance(objectType)!;
        if (serializer.ContractResolver.ResolveContract(objectType) is JsonObjectContract contract)
        {
            MoveTokens(source, contract, target);
        }

        using JsonReader bound = new OwnedTokenReader(source);
        serializer.Populate(bound, target);
        return target;
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("Wire models are written by the serializer's default contract.");

    /// <summary>Renames alias spellings to the canonical name; two spellings of one field must agree.</summary>
    private static void Normalise(JObject source, IReadOnlyDictionary<string, string> aliases, Type objectType)
    {
        foreach (JProperty property in source.Properties().ToList())
        {
            if (!aliases.TryGetValue(property.Name, out string? canonical))
            {
                continue;
            }

            property.Remove();
            if (source.TryGetValue(canonical, StringComparison.Ordinal, out JToken? present))
            {
                if (!JToken.DeepEquals(present, property.Value))
                {
                    throw new JsonSerializationException($"{objectType.Name}: '{property.Name}' and '{canonical}' are both present with different values.");
                }
            }
            else
            {
                source.Add(canonical, property.Value);
            }
        }
    }

    /// <summary>
    /// Hands JSON objects and arrays to properties typed as tokens without a second copy (receipts,
    /// bundles and proofs stay exactly as received); everything else is bound by the serializer.
    /// </summary>
    private static void MoveTokens(JObject source, JsonObjectContract contract, object target)
    {
        foreach (JsonProperty property in contract.Properties)
        {
            if (property.PropertyName is null || property.ValueProvider is null || property.PropertyType is null || !typeof(JToken).IsAssignableFrom(property.PropertyType)
                || source.Property(property.PropertyName, StringComparison.Ordinal) is not { Value: JContainer value } wire
                || !property.PropertyType.IsInstanceOfType(value))
            {
                continue;
            }

            wire.Remove();
            wire.Value = JValue.CreateNull(); // detaches the container from the removed property
            property.ValueProvider.SetValue(target, value);
        }
    }

    private static IReadOnlyDictionary<string, string> BuildAliasMap(Type type)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            string? name = property.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName;
            if (name is null)
            {
                continue;
            }

            IEnumerable<string> extra = [CamelCase(name), .. property.GetCustomAttribute<WireAliasAttribute>()?.Names.SelectMany(a => new[] { a, CamelCase(a) }) ?? []];
            foreach (string alias in extra.Where(a => a != name))
            {
                map.TryAdd(alias, name);
            }
        }

        return map;
    }
}
