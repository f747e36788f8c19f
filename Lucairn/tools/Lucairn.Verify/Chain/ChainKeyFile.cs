using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Tools;

namespace Lucairn.Verify.Chain;

/// <summary>
/// A <c>--service-keys</c> file: either a flat JSON object (service id → base64 key) or the parity
/// corpus <c>keys.json</c> shape (<c>services</c>: id → key or <c>{"public_key_base64": …}</c>,
/// optional <c>witness</c>: <c>{"key_id", "public_key_base64"}</c>). Duplicate names are refused.
/// </summary>
internal sealed record ChainKeyFile(Dictionary<string, string> Services, string? WitnessKeyId, string? WitnessKey)
{
    private static readonly JsonLoadSettings LoadSettings = new() { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error };

    internal static ChainKeyFile Read(string path)
    {
        string text = ChainInput.ReadText(path);
        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            root = JToken.ReadFrom(reader, LoadSettings) as JObject ?? throw new UsageException($"--service-keys file '{path}' must hold a JSON object");
        }
        catch (JsonException ex)
        {
            throw new UsageException($"--service-keys file '{path}' is not valid JSON: {ex.Message}");
        }

        JObject services = root["services"] is JObject nested ? nested : root;
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JProperty service in services.Properties())
        {
            if (ReferenceEquals(services, root) && service.Name == "witness")
            {
                continue;
            }

            keys[service.Name] = KeyText(service.Value) ?? throw new UsageException($"--service-keys file '{path}': the key of '{service.Name}' must be a base64 string or an object with public_key_base64");
        }

        string? witnessId = null;
        string? witnessKey = null;
        if (root["witness"] is JObject witness)
        {
            witnessId = witness.Value<string>("key_id");
            witnessKey = KeyText(witness);
        }

        return new ChainKeyFile(keys, witnessId, witnessKey);
    }

    private static string? KeyText(JToken value) => value switch
    {
        JValue { Type: JTokenType.String } text => (string)text!,
        JObject entry when entry["public_key_base64"] is JValue { Type: JTokenType.String } inner => (string)inner!,
        _ => null,
    };
}
