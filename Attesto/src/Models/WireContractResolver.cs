using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Attesto.Models;

/// <summary>
/// Reads every snake_case wire property also from its camelCase spelling (and from any
/// <see cref="WireAliasAttribute"/> names); writes only the snake_case name.
/// </summary>
internal sealed class WireContractResolver : DefaultContractResolver
{
    internal static readonly WireContractResolver Instance = new();

    /// <summary>The camelCase spelling of a snake_case name (<c>stream_id</c> → <c>streamId</c>).</summary>
    internal static string CamelCase(string snake)
    {
        var builder = new StringBuilder(snake.Length);
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
    protected override IList<JsonProperty> CreateProperties(Type type, MemberSerialization memberSerialization)
    {
        IList<JsonProperty> properties = base.CreateProperties(type, memberSerialization);
        var names = new HashSet<string>(properties.Select(p => p.PropertyName!), StringComparer.Ordinal);
        var aliases = new List<JsonProperty>();
        foreach (JsonProperty property in properties)
        {
            var extra = new List<string> { CamelCase(property.PropertyName!) };
            if (property.AttributeProvider?.GetAttributes(typeof(WireAliasAttribute), inherit: false).FirstOrDefault() is WireAliasAttribute alias)
            {
                extra.AddRange(alias.Names);
                extra.AddRange(alias.Names.Select(CamelCase));
            }

            foreach (string name in extra.Where(names.Add))
            {
                aliases.Add(new JsonProperty
                {
                    PropertyName = name,
                    UnderlyingName = property.UnderlyingName,
                    DeclaringType = property.DeclaringType,
                    PropertyType = property.PropertyType,
                    ValueProvider = property.ValueProvider,
                    AttributeProvider = property.AttributeProvider,
                    Converter = property.Converter,
                    Readable = false,
                    Writable = property.Writable,
                    ShouldSerialize = _ => false,
                });
            }
        }

        foreach (JsonProperty alias in aliases)
        {
            properties.Add(alias);
        }

        return properties;
    }
}
