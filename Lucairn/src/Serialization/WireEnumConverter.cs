using Newtonsoft.Json;

namespace Lucairn;

/// <summary>
/// Reads and writes an enum by its exact wire name (see <see cref="WireEnum{TEnum}"/>); any
/// other JSON value is a <see cref="JsonSerializationException"/>.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class WireEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum ReadJson(JsonReader reader, Type objectType, TEnum existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.String && WireEnum<TEnum>.TryParse((string?)reader.Value, out TEnum value))
        {
            return value;
        }

        throw new JsonSerializationException(
            $"Expected one of {WireEnum<TEnum>.Names} for {typeof(TEnum).Name} at '{reader.Path}', got {reader.TokenType} {reader.Value}.");
    }

    public override void WriteJson(JsonWriter writer, TEnum value, JsonSerializer serializer) =>
        writer.WriteValue(WireEnum<TEnum>.Name(value));
}
