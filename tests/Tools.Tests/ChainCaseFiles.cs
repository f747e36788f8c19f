using System.Text;
using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TestSupport;

namespace Tools.Tests;

/// <summary>The lucairn-chain parity corpus as the chain tool tests use it: the keys file and each case's certificate bytes.</summary>
internal static class ChainCaseFiles
{
    internal static readonly string KeysFile = TestVectors.PathOf("lucairn-chain", "v1", "keys.json");

    internal static JObject CaseFile(string id) => Parse(TestVectors.ReadText("lucairn-chain", "v1", "cases", id + ".json"));

    internal static JObject Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 1024 };
        return JObject.Load(reader);
    }

    /// <summary>The case's certificate bytes: <c>certificate_text</c> verbatim, else the <c>certificate</c> value exactly as it is written in the case file (number lexemes kept).</summary>
    internal static byte[] CertificateBytes(string id)
    {
        byte[] file = File.ReadAllBytes(TestVectors.PathOf("lucairn-chain", "v1", "cases", id + ".json"));
        var reader = new Utf8JsonReader(file, new JsonReaderOptions { MaxDepth = 1024 });
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            if (name == "certificate_text")
            {
                return Encoding.UTF8.GetBytes(reader.GetString()!);
            }

            if (name == "certificate")
            {
                long start = reader.TokenStartIndex;
                reader.Skip();
                return file.AsSpan((int)start, (int)(reader.BytesConsumed - start)).ToArray();
            }

            reader.Skip();
        }

        throw new InvalidOperationException($"case {id} has no certificate");
    }

    /// <summary>The certificate on one line (its line breaks, all between tokens, become spaces), for NDJSON.</summary>
    internal static byte[] CertificateLine(string id) => [.. CertificateBytes(id).Select(b => b is (byte)'\n' or (byte)'\r' ? (byte)' ' : b)];

    internal static string ServiceKey(string service) => (string)Parse(File.ReadAllText(KeysFile))["services"]![service]!["public_key_base64"]!;
}
