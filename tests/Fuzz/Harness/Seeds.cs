using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Fuzz.Harness;

/// <summary>
/// Extracts seed inputs from the conformance vectors in <c>tests/vectors</c> at run time (nothing
/// is copied into the fuzz project): each certificate, receipt, proof case, chain-rule case,
/// webhook case, payload, canonical-JSON input, and the base64 and hex strings the vectors hold.
/// FUZZING.md names the files behind each target's seeds.
/// </summary>
public sealed class Seeds
{
    /// <summary>Reads the repository's own vectors.</summary>
    public Seeds()
        : this(RepoPaths.Vectors)
    {
    }

    /// <summary>Reads the vectors in <paramref name="vectorsDirectory"/>.</summary>
    /// <param name="vectorsDirectory">The folder holding <c>lucairn/</c> and <c>attesto/</c>.</param>
    public Seeds(string vectorsDirectory)
    {
        Directory = vectorsDirectory;
    }

    /// <summary>The vector folder.</summary>
    public string Directory { get; }

    /// <summary>The text of a vector file.</summary>
    /// <param name="parts">The path below the vector folder.</param>
    /// <returns>The text.</returns>
    public string Text(params string[] parts) => File.ReadAllText(Path.Combine([Directory, .. parts]));

    /// <summary>A vector JSON file, parsed without date conversion.</summary>
    /// <param name="parts">The path below the vector folder.</param>
    /// <returns>The token tree.</returns>
    public JToken Json(params string[] parts)
    {
        using var reader = new JsonTextReader(new StringReader(Text(parts))) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JToken.ReadFrom(reader);
    }

    /// <summary>Every Lucairn certificate: the <c>cert-*.json</c> files and the real v3 certificate, as served.</summary>
    /// <returns>The certificate texts by file name.</returns>
    public IEnumerable<FuzzInput> LucairnCertificates()
    {
        string folder = Path.Combine(Directory, "lucairn");
        foreach (string file in System.IO.Directory.GetFiles(folder, "cert-*.json").Append(Path.Combine(folder, "real-v3-cert.fixture.json")).Order(StringComparer.Ordinal))
        {
            yield return new FuzzInput(Path.GetFileName(file), File.ReadAllBytes(file));
        }
    }

    /// <summary>
    /// Every certificate of the chain parity corpus (<c>lucairn-chain/v1/cases/*.json</c>): the case's
    /// <c>certificate_text</c> verbatim where it has one, else its <c>certificate</c> written compactly
    /// (numbers beyond what the reader keeps exactly may change; these are seeds, not parity inputs).
    /// </summary>
    /// <returns>The certificate bytes by case file name.</returns>
    public IEnumerable<FuzzInput> LucairnChainCertificates()
    {
        foreach (string file in System.IO.Directory.GetFiles(Path.Combine(Directory, "lucairn-chain", "v1", "cases"), "*.json").Order(StringComparer.Ordinal))
        {
            JToken? certificate;
            try
            {
                JToken caseFile = Json("lucairn-chain", "v1", "cases", Path.GetFileName(file));
                certificate = caseFile["certificate_text"] is JValue { Type: JTokenType.String } text ? text : caseFile["certificate"];
            }
            catch (JsonException)
            {
                continue; // a case file the lenient reader cannot take (e.g. duplicate keys): the other seeds cover its shape
            }

            if (certificate is JValue { Type: JTokenType.String } verbatim)
            {
                yield return FuzzInput.Text(Path.GetFileName(file), (string)verbatim!);
            }
            else if (certificate is not null)
            {
                yield return FuzzInput.Text(Path.GetFileName(file), certificate.ToString(Formatting.None));
            }
        }
    }

    /// <summary>The objects of an array in a vector file, each written compactly as its own input.</summary>
    /// <param name="file">The file below <c>attesto/</c>.</param>
    /// <param name="path">A JSONPath selecting the array elements, e.g. <c>cases[*].receipt</c>.</param>
    /// <returns>The inputs, named <c>file#index</c>.</returns>
    public IEnumerable<FuzzInput> Attesto(string file, string path) =>
        Json("attesto", file).SelectTokens(path).Select((token, i) => FuzzInput.Text($"{file}#{path}[{i}]", token.ToString(Formatting.None)));

    /// <summary>Every canonical-JSON input the vectors hold: the Lucairn reference inputs and the Attesto <c>input_json</c> strings.</summary>
    /// <returns>The JSON texts.</returns>
    public IEnumerable<FuzzInput> CanonicalJsonInputs()
    {
        foreach (string name in new[] { "canonical-json-go-reference-input.json", "canonical-json-nonascii-go-reference-input.json" })
        {
            yield return FuzzInput.Text(name, Text("lucairn", name));
        }

        foreach (string file in new[] { "canonical-json.derived.json", "number-policy.derived.json" })
        {
            int i = 0;
            foreach (JToken input in Json("attesto", file).SelectTokens("cases[*].input_json"))
            {
                yield return FuzzInput.Text($"{file}#input_json[{i++}]", (string)input!);
            }
        }
    }

    /// <summary>Every string value in the JSON vector files that <paramref name="predicate"/> accepts (deduplicated, in file order).</summary>
    /// <param name="predicate">Which strings to keep.</param>
    /// <returns>The strings as inputs.</returns>
    public IEnumerable<FuzzInput> Strings(Func<string, bool> predicate)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string folder in new[] { "lucairn", "attesto" })
        {
            foreach (string file in System.IO.Directory.GetFiles(Path.Combine(Directory, folder), "*.json").Order(StringComparer.Ordinal))
            {
                foreach (JValue value in Json(folder, Path.GetFileName(file)).SelectTokens("$..*").OfType<JValue>())
                {
                    if (value.Type == JTokenType.String && (string)value! is { } text && predicate(text) && seen.Add(text))
                    {
                        yield return FuzzInput.Text($"{folder}/{Path.GetFileName(file)}:{value.Path}", text);
                    }
                }
            }
        }
    }
}
