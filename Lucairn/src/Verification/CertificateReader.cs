using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Lucairn;

/// <summary>
/// One streaming pass over a certificate (JSON text or a <see cref="JObject"/>) that checks the
/// shape of every modelled field exactly as the upstream model does (types, required members,
/// enum literals) and keeps only the values the pipeline needs. Unknown members are skipped,
/// but the whole document is still read: it must be well-formed JSON, at most
/// <see cref="MaxDepth"/> levels deep, without duplicate keys or unpaired surrogates anywhere.
/// Every problem is a <see cref="VerifyCertificateFailureReason.Malformed"/> failure; shape
/// problems carry the certificate's <c>certificate_id</c> when it was a string, syntax
/// problems carry none. One instance per call.
/// </summary>
internal sealed class CertificateReader
{
    /// <summary>The deepest nesting accepted (real certificates use 5 levels).</summary>
    internal const int MaxDepth = 64;

    /// <summary>The longest certificate text accepted, in characters (real certificates are about 16 KB).</summary>
    internal const int MaxLength = 4 * 1024 * 1024;

    internal static readonly CanonicalJsonOptions ParseOptions = CanonicalJsonOptions.Lucairn with { MaxDepth = MaxDepth };

    private const int SeenCertificateId = 1 << 0;
    private const int SeenRequestId = 1 << 1;
    private const int SeenProtocolVersion = 1 << 2;
    private const int SeenClaims = 1 << 3;
    private const int SeenVerification = 1 << 4;
    private const int SeenIssuedAt = 1 << 5;
    private const int SeenWitnessSignature = 1 << 6;
    private const int SeenWitnessKeyId = 1 << 7;

    private static readonly (int Flag, string Name)[] RequiredTopLevel =
    [
        (SeenCertificateId, "certificate_id"),
        (SeenRequestId, "request_id"),
        (SeenProtocolVersion, "protocol_version"),
        (SeenClaims, "claims"),
        (SeenVerification, "verification"),
        (SeenIssuedAt, "issued_at"),
        (SeenWitnessSignature, "witness_signature"),
        (SeenWitnessKeyId, "witness_key_id"),
    ];

    private readonly JsonReader _reader;
    private readonly CertificateFields _fields = new();
    private readonly List<HashSet<string>> _memberNames = [];
    private int _objectDepth;
    private string? _problem;
    private string? _certificateId;
    private bool _sanitizerSeen;

    private CertificateReader(JsonReader reader)
    {
        _reader = reader;
    }

    /// <summary>Reads certificate JSON text.</summary>
    internal static CertificateFields Read(string? json)
    {
        if (json is null)
        {
            throw CertificateFailure.Malformed("the certificate is null, not a JSON object.", certificateId: null);
        }

        if (json.Length > MaxLength)
        {
            throw CertificateFailure.Malformed($"the certificate text is {json.Length} characters long; the limit is {MaxLength}.", certificateId: null);
        }

        using var text = new StringReader(json);
        using JsonTextReader reader = CanonicalJson.CreateReader(text, MaxDepth);
        reader.PropertyNameTable = CertificateMemberNames.Table;
        return new CertificateReader(reader).ReadDocument();
    }

    /// <summary>Reads a certificate held as a token tree.</summary>
    internal static CertificateFields Read(JToken? json)
    {
        if (json is null)
        {
            throw CertificateFailure.Malformed("the certificate is null, not a JSON object.", certificateId: null);
        }

        using var reader = new JTokenReader(json) { MaxDepth = MaxDepth, DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return new CertificateReader(reader).ReadDocument();
    }

    private CertificateFields ReadDocument()
    {
        try
        {
            JsonToken first = Next();
            if (first != JsonToken.StartObject)
            {
                throw CertificateFailure.Malformed($"the certificate must be a JSON object, got {Describe(first)}.", certificateId: null);
            }

            int seen = ReadTopLevel();
            if (_reader.Read())
            {
                throw new JsonReaderException($"additional content after the certificate object ({_reader.TokenType}).");
            }

            foreach ((int flag, string name) in RequiredTopLevel)
            {
                if ((seen & flag) == 0)
                {
                    Problem($"the required member '{name}' is missing.");
                }
            }
        }
        catch (JsonException ex)
        {
            throw CertificateFailure.Malformed($"the certificate is not well-formed JSON: {ex.Message}", certificateId: null, ex);
        }

        if (_problem is not null)
        {
            throw CertificateFailure.Malformed(_problem, _certificateId);
        }

        return _fields;
    }

    private int ReadTopLevel()
    {
        int seen = 0;
        HashSet<string> names = EnterObject();
        while (NextMember(names) is { } name)
        {
            switch (name)
            {
                case "certificate_id":
                    seen |= SeenCertificateId;
                    _fields.CertificateId = RequiredString("certificate_id")!;
                    _certificateId = _fields.CertificateId;
                    break;
                case "request_id":
                    seen |= SeenRequestId;
                    _fields.RequestId = RequiredString("request_id")!;
                    break;
                case "protocol_version":
                    seen |= SeenProtocolVersion;
                    ReadProtocolVersion();
                    break;
                case "claims":
                    seen |= SeenClaims;
                    ReadClaims();
                    break;
                case "verification":
                    seen |= SeenVerification;
                    ReadVerification();
                    break;
                case "issued_at":
                    seen |= SeenIssuedAt;
                    _fields.IssuedAt = RequiredString("issued_at")!;
                    break;
                case "witness_signature":
                    seen |= SeenWitnessSignature;
                    _fields.WitnessSignature = RequiredString("witness_signature")!;
                    break;
                case "witness_key_id":
                    seen |= SeenWitnessKeyId;
                    _fields.WitnessKeyId = RequiredString("witness_key_id")!;
                    break;
                case "attestation":
                    ReadAttestation();
                    break;
                case "anchor_status":
                    ReadAnchorStatus();
                    break;
                case "client_id":
                    _fields.ClientId = OptionalString("client_id");
                    break;
                case "api_key_id":
                    _fields.ApiKeyId = OptionalString("api_key_id");
                    break;
                case "signable_v2_signature":
                    _ = OptionalString("signable_v2_signature");
                    break;
                case "signable_v3_signature":
                    _fields.SignableV3Signature = OptionalString("signable_v3_signature");
                    break;
                case "signable_protocol_version_emitted":
                    _fields.SignableProtocolVersionEmitted = OptionalInteger("signable_protocol_version_emitted") ?? 0;
                    break;
                case "formal_verification":
                case "audit_integrity":
                case "privacy_budget":
                    OpaqueObject(name);
                    break;
                default:
                    SkipValue(Next());
                    break;
            }
        }

        ExitObject();
        return seen;
    }

    private void ReadProtocolVersion()
    {
        JsonToken token = Next();
        if (token == JsonToken.Integer)
        {
            object value = _reader.Value!;
            _fields.ProtocolVersionIsSupported = value is long l ? l == 2 : value is int i && i == 2;
            _fields.ProtocolVersionText = value is BigInteger big ? big.ToString(System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
            return;
        }

        Problem($"'protocol_version' must be an integer, got {Describe(token)}.");
        SkipValue(token);
    }

    private void ReadClaims()
    {
        JsonToken token = Next();
        if (token != JsonToken.StartArray)
        {
            Problem($"'claims' must be an array, got {Describe(token)}.");
            SkipValue(token);
            return;
        }

        int index = 0;
        while ((token = Next()) != JsonToken.EndArray)
        {
            if (token == JsonToken.StartObject)
            {
                ReadClaim(index);
            }
            else
            {
                Problem($"'claims[{index}]' must be an object, got {Describe(token)}.");
                SkipValue(token);
            }

            index++;
        }
    }

    private void ReadClaim(int index)
    {
        int seen = 0;
        string? claimId = null;
        string? serviceId = null;
        string? canonicalPayload = null;
        HashSet<string> names = EnterObject();
        while (NextMember(names) is { } name)
        {
            switch (name)
            {
                case "claim_id":
                    seen |= 1;
                    claimId = RequiredString($"claims[{index}].claim_id");
                    break;
                case "request_id":
                    seen |= 2;
                    string? requestId = RequiredString($"claims[{index}].request_id");
                    if (index == 0)
                    {
                        _fields.FirstClaimRequestId = requestId;
                    }

                    break;
                case "service_id":
                    seen |= 4;
                    serviceId = RequiredString($"claims[{index}].service_id");
                    break;
                case "claim_type":
                    seen |= 8;
                    _ = RequiredEnum<VeilClaimType>($"claims[{index}].claim_type");
                    break;
                case "canonical_payload":
                    seen |= 16;
                    canonicalPayload = RequiredString($"claims[{index}].canonical_payload");
                    break;
                case "timestamp":
                    seen |= 32;
                    _ = RequiredString($"claims[{index}].timestamp");
                    break;
                case "signature":
                    seen |= 64;
                    _ = RequiredString($"claims[{index}].signature");
                    break;
                case "data_seen":
                case "data_not_seen":
                    StringArray($"claims[{index}].{name}");
                    break;
                case "bridge":
                case "sanitizer":
                case "inference":
                case "audit":
                    OpaqueObject($"claims[{index}].{name}");
                    break;
                default:
                    SkipValue(Next());
                    break;
            }
        }

        ExitObject();
        RequireMembers(seen, 127, index, ["claim_id", "request_id", "service_id", "claim_type", "canonical_payload", "timestamp", "signature"]);
        if (claimId is not null)
        {
            _fields.ClaimIds.Add(claimId);
        }

        if (serviceId == "dsa-sanitizer" && _fields.SanitizerCanonicalPayload is null && !_sanitizerSeen)
        {
            _sanitizerSeen = true;
            _fields.SanitizerCanonicalPayload = canonicalPayload;
        }
    }

    private void ReadVerification()
    {
        JsonToken token = Next();
        if (token != JsonToken.StartObject)
        {
            Problem($"'verification' must be an object, got {Describe(token)}.");
            SkipValue(token);
            return;
        }

        int seen = 0;
        HashSet<string> names = EnterObject();
        while (NextMember(names) is { } name)
        {
            switch (name)
            {
                case "signatures_valid":
                    seen |= 1;
                    _ = RequiredBool("verification.signatures_valid");
                    break;
                case "completeness":
                    seen |= 2;
                    _ = RequiredEnum<VeilCompleteness>("verification.completeness");
                    break;
                case "temporal_consistent":
                    seen |= 4;
                    _ = RequiredBool("verification.temporal_consistent");
                    break;
                case "data_visibility_consistent":
                    seen |= 8;
                    _ = RequiredBool("verification.data_visibility_consistent");
                    break;
                case "isolation_verified":
                    seen |= 16;
                    _ = RequiredBool("verification.isolation_verified");
                    break;
                case "overall_verdict":
                    seen |= 32;
                    _fields.OverallVerdict = RequiredEnum<VeilVerdict>("verification.overall_verdict");
                    break;
                case "byok_exempt":
                    _fields.ByokExempt = RequiredBool("verification.byok_exempt");
                    break;
                case "missing_services":
                    StringArray("verification.missing_services");
                    break;
                default:
                    SkipValue(Next());
                    break;
            }
        }

        ExitObject();
        RequireMembers(seen, 63, -1, ["signatures_valid", "completeness", "temporal_consistent", "data_visibility_consistent", "isolation_verified", "overall_verdict"]);
    }

    private void ReadAttestation()
    {
        JsonToken token = Next();
        if (token == JsonToken.Null)
        {
            return;
        }

        if (token != JsonToken.StartObject)
        {
            Problem($"'attestation' must be an object or null, got {Describe(token)}.");
            SkipValue(token);
            return;
        }

        HashSet<string> names = EnterObject();
        while (NextMember(names) is { } name)
        {
            if (name is "timestamp" or "transparency_log" or "notary")
            {
                OpaqueObject("attestation." + name);
            }
            else
            {
                SkipValue(Next());
            }
        }

        ExitObject();
    }

    private void ReadAnchorStatus()
    {
        JsonToken token = Next();
        if (token == JsonToken.Null)
        {
            return;
        }

        if (token != JsonToken.StartObject)
        {
            Problem($"'anchor_status' must be an object or null, got {Describe(token)}.");
            SkipValue(token);
            return;
        }

        bool statusSeen = false;
        HashSet<string> names = EnterObject();
        while (NextMember(names) is { } name)
        {
            switch (name)
            {
                case "status":
                    statusSeen = true;
                    _fields.AnchorStatus = RequiredEnum<VeilAnchorStatus>("anchor_status.status");
                    break;
                case "attempts":
                    _ = OptionalInteger("anchor_status.attempts");
                    break;
                case "last_error":
                case "human_note":
                    _ = OptionalString("anchor_status." + name);
                    break;
                default:
                    SkipValue(Next());
                    break;
            }
        }

        ExitObject();
        if (!statusSeen)
        {
            Problem("the required member 'anchor_status.status' is missing.");
        }
    }

    private void RequireMembers(int seen, int all, int claimIndex, string[] names)
    {
        if (seen == all)
        {
            return;
        }

        for (int i = 0; i < names.Length; i++)
        {
            if ((seen & (1 << i)) == 0)
            {
                string owner = claimIndex >= 0 ? $"claims[{claimIndex}]" : "verification";
                Problem($"the required member '{owner}.{names[i]}' is missing.");
                return;
            }
        }
    }

    private string? RequiredString(string path)
    {
        JsonToken token = Next();
        if (token == JsonToken.String)
        {
            return (string)_reader.Value!;
        }

        Problem($"'{path}' must be a string, got {Describe(token)}.");
        SkipValue(token);
        return null;
    }

    private string? OptionalString(string path)
    {
        JsonToken token = Next();
        if (token == JsonToken.String)
        {
            return (string)_reader.Value!;
        }

        if (token != JsonToken.Null)
        {
            Problem($"'{path}' must be a string or null, got {Describe(token)}.");
            SkipValue(token);
        }

        return null;
    }

    private bool RequiredBool(string path)
    {
        JsonToken token = Next();
        if (token == JsonToken.Boolean)
        {
            return (bool)_reader.Value!;
        }

        Problem($"'{path}' must be a boolean, got {Describe(token)}.");
        SkipValue(token);
        return false;
    }

    private long? OptionalInteger(string path)
    {
        JsonToken token = Next();
        switch (token)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.Integer when _reader.Value is long or int:
                return Convert.ToInt64(_reader.Value, System.Globalization.CultureInfo.InvariantCulture);
            case JsonToken.Integer:
                Problem($"'{path}' is outside the 64-bit integer range.");
                return null;
            default:
                Problem($"'{path}' must be an integer or null, got {Describe(token)}.");
                SkipValue(token);
                return null;
        }
    }

    private TEnum RequiredEnum<TEnum>(string path)
        where TEnum : struct, Enum
    {
        JsonToken token = Next();
        if (token == JsonToken.String && WireEnum<TEnum>.TryParse((string)_reader.Value!, out TEnum value))
        {
            return value;
        }

        Problem(token == JsonToken.String
            ? $"'{path}' has the unknown value '{_reader.Value}' (expected one of {WireEnum<TEnum>.Names})."
            : $"'{path}' must be a string, got {Describe(token)}.");
        SkipValue(token);
        return default;
    }

    private void StringArray(string path)
    {
        JsonToken token = Next();
        if (token != JsonToken.StartArray)
        {
            Problem($"'{path}' must be an array of strings, got {Describe(token)}.");
            SkipValue(token);
            return;
        }

        int index = 0;
        while ((token = Next()) != JsonToken.EndArray)
        {
            if (token != JsonToken.String)
            {
                Problem($"'{path}[{index}]' must be a string, got {Describe(token)}.");
                SkipValue(token);
            }

            index++;
        }
    }

    private void OpaqueObject(string path)
    {
        JsonToken token = Next();
        if (token is not (JsonToken.Null or JsonToken.StartObject))
        {
            Problem($"'{path}' must be an object or null, got {Describe(token)}.");
        }

        SkipValue(token);
    }

    /// <summary>Walks the value that starts at <paramref name="token"/> (still checking keys and strings).</summary>
    private void SkipValue(JsonToken token)
    {
        switch (token)
        {
            case JsonToken.StartObject:
                HashSet<string> names = EnterObject();
                while (NextMember(names) is not null)
                {
                    SkipValue(Next());
                }

                ExitObject();
                break;
            case JsonToken.StartArray:
                while ((token = Next()) != JsonToken.EndArray)
                {
                    SkipValue(token);
                }

                break;
            case JsonToken.String or JsonToken.Integer or JsonToken.Float or JsonToken.Boolean or JsonToken.Null:
                break;
            default:
                throw new JsonReaderException($"unexpected {token} token at '{_reader.Path}'.");
        }
    }

    /// <summary>Reads the next member name of the current object, or null at its end.</summary>
    private string? NextMember(HashSet<string> names)
    {
        JsonToken token = Next();
        if (token == JsonToken.EndObject)
        {
            return null;
        }

        if (token != JsonToken.PropertyName)
        {
            throw new JsonReaderException($"expected a member name at '{_reader.Path}', got {token}.");
        }

        string name = (string)_reader.Value!;
        CheckText(name);
        if (!names.Add(name))
        {
            Problem($"the member '{name}' appears twice at '{_reader.Path}' (duplicate keys are ambiguous).");
        }

        return name;
    }

    private JsonToken Next()
    {
        if (!_reader.Read())
        {
            throw new JsonReaderException("the JSON text ended early.");
        }

        JsonToken token = _reader.TokenType;
        if (token == JsonToken.String)
        {
            CheckText((string)_reader.Value!);
        }
        else if (token is JsonToken.Comment or JsonToken.Undefined or JsonToken.Raw or JsonToken.StartConstructor or JsonToken.EndConstructor)
        {
            throw new JsonReaderException($"{token} is not JSON (at '{_reader.Path}').");
        }

        return token;
    }

    /// <summary>Rejects unpaired surrogates (they cannot be encoded as UTF-8 or canonical JSON).</summary>
    private void CheckText(string text)
    {
        ReadOnlySpan<char> span = text;
        int i = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (i >= 0)
        {
            if (!char.IsHighSurrogate(span[i]) || i + 1 >= span.Length || !char.IsLowSurrogate(span[i + 1]))
            {
                throw new JsonReaderException($"the string at '{_reader.Path}' has an unpaired surrogate U+{(int)span[i]:X4} at index {text.Length - span.Length + i}.");
            }

            span = span[(i + 2)..];
            i = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        }
    }

    private HashSet<string> EnterObject()
    {
        if (_memberNames.Count == _objectDepth)
        {
            _memberNames.Add(new HashSet<string>(StringComparer.Ordinal));
        }

        HashSet<string> names = _memberNames[_objectDepth++];
        names.Clear();
        return names;
    }

    private void ExitObject() => _objectDepth--;

    private void Problem(string message) => _problem ??= message;

    private string Describe(JsonToken token) => token switch
    {
        JsonToken.StartObject => "an object",
        JsonToken.StartArray => "an array",
        JsonToken.String => $"the string \"{Shorten((string)_reader.Value!)}\"",
        JsonToken.Integer => $"the integer {_reader.Value}",
        JsonToken.Float => $"the non-integer number {Convert.ToString(_reader.Value, System.Globalization.CultureInfo.InvariantCulture)}",
        JsonToken.Boolean => (bool)_reader.Value! ? "true" : "false",
        JsonToken.Null => "null",
        JsonToken.Date => "a date token (parse certificate JSON with DateParseHandling.None so timestamps stay exact strings)",
        _ => token.ToString(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
