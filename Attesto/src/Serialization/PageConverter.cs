using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>Reads a <see cref="Page{T}"/> from a bare array or from an object with <c>items</c>, <c>data</c> or <c>results</c>.</summary>
internal sealed class PageConverter : JsonConverter
{
    private static readonly string[] ListKeys = ["items", "data", "results"];

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => objectType.IsGenericType && objectType.GetGenericTypeDefinition() == typeof(Page<>);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        JToken token = JToken.Load(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        Type itemType = objectType.GetGenericArguments()[0];
        JArray items;
        long? total = null;
        switch (token)
        {
            case JArray array:
                items = array;
                break;
            case JObject obj when ListKeys.Select(k => obj[k]).FirstOrDefault(t => t is JArray) is JArray list:
                items = list;
                total = obj["total"] is JValue { Type: JTokenType.Integer } t ? t.Value<long>() : null;
                break;
            default:
                throw new JsonSerializationException($"Expected a page (an array, or an object with 'items', 'data' or 'results') at '{reader.Path}', found {token.Type}.");
        }

        object page = Activator.CreateInstance(objectType)!;
        using var itemsReader = new OwnedTokenReader(items);
        var list2 = (System.Collections.IList)serializer.Deserialize(itemsReader, typeof(List<>).MakeGenericType(itemType))!;
        objectType.GetProperty(nameof(Page<object>.Items), BindingFlags.Public | BindingFlags.Instance)!.SetValue(page, list2);
        objectType.GetProperty(nameof(Page<object>.Total), BindingFlags.Public | BindingFlags.Instance)!.SetValue(page, total);
        return page;
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("Pages are only read.");
}
