using System.Buffers;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Lucairn;

/// <summary>
/// One streaming pass over a certificate that checks the shape of every modelled field exactly
/// as the upstream model does (types, required members, enum literals) and keeps only the
/// values the pipeline needs. Unknown members are skipped, but the whole document is still
/// read: it must be well-formed JSON (RFC 8259: no comments, no trailing commas, nothing after
/// the object), at most <see cref="MaxDepth"/> levels deep, at most <see cref="MaxLength"/>
/// characters long, without duplicate keys or unpaired surrogates anywhere. Every problem is a
/// <see cref="VerifyCertificateFailureReason.Malformed"/> failure; shape problems carry the
/// certificate's <c>certificate_id</c> when it was a string, syntax problems carry none.
/// </summary>
/// <remarks>
/// Text is transcoded once to UTF-8 and walked with <see cref="Utf8JsonReader"/>, which reads
/// without allocating; only the values the pipeline uses become strings. (Newtonsoft's reader
/// alone costs about a third of an Ed25519 verify on the 16 KB production certificate.) Token
/// trees are first checked for non-JSON tokens (dates, bytes …), depth and surrogates, then
/// written as text with Newtonsoft's writer, which keeps strings, integers and big integers exact.
/// </remarks>
internal ref struct CertificateReader
{
    /// <summary>The deepest nesting accepted (real certificates use 5 levels).</summary>
    internal const int MaxDepth = 64;

    /// <summary>The longest certificate text accepted, in characters (real certificates are about 16 KB).</summary>
    internal const int MaxLength = 4 * 1024 * 1024;

    internal static readonly CanonicalJsonOptions ParseOptions = LucairnCanonicalJson.Options with { MaxDepth = MaxDepth };

    private const int SeenCertificateId = 1 << 0;
    private const int SeenRequestId = 1 << 1;
    private const int SeenProtocolVersion = 1 << 2;
    private const int SeenClaims = 1 << 3;
    private const int SeenVerification = 1 << 4;
    private const int SeenIssuedAt = 1 << 5;
    private const int SeenWitnessSignature = 1 << 6;
    private const int SeenWitnessKeyId = 1 << 7;

    private static readonly string[] RequiredTopLevel =
        ["certificate_id", "request_id", "protocol_version", "claims", "verification", "issued_at", "witness_signature", "witness_key_id"];

    private static readonly string[] RequiredClaimMembers =
        ["claim_id", "request_id", "service_id", "claim_type", "canonical_payload", "timestamp", "signature"];

    private static readonly string[] RequiredVerificationMembers =
        ["signatures_valid", "completeness", "temporal_consistent", "data_visibility_consistent", "isolation_verified", "overall_verdict"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private readonly CertificateFields _fields;
    private readonly ReadOnlySpan<byte> _input;
    private Utf8JsonReader _reader;
    private string? _problem;
    private string? _certificateId;
    private bool _sanitizerSeen;

    private CertificateReader(ReadOnlySpan<byte> utf8)
    {
        _input = utf8;
        _reader = new Utf8JsonReader(utf8, ReaderOptions);
        _fields = new CertificateFields();
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

        byte[] buffer = ArrayPool<byte>.Shared.Rent(StrictUtf8.GetMaxByteCount(json.Length));
        try
        {
            int length;
            try
            {
                length = StrictUtf8.GetBytes(json, buffer);
            }
            catch (EncoderFallbackException ex)
            {
                throw CertificateFailure.Malformed("the certificate text has an unpaired surrogate character.", certificateId: null, ex);
            }

            return new CertificateReader(buffer.AsSpan(0, length)).ReadDocument();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads a certificate held as a token tree.</summary>
    internal static CertificateFields Read(JToken? json)
    {
        if (json is null)
        {
            throw CertificateFailure.Malformed("the certificate is null, not a JSON object.", certificateId: null);
        }

        if (json.Type != JTokenType.Object)
        {
            throw CertificateFailure.Malformed($"the certificate must be a JSON object, got {json.Type}.", certificateId: null);
        }

        if (TokenTreeCheck.FindProblem(json, MaxDepth) is { } problem)
        {
            string? certificateId = json["certificate_id"] is JValue { Type: JTokenType.String, Value: string id } ? id : null;
            throw CertificateFailure.Malformed(problem, certificateId);
        }

        return Read(json.ToString(Newtonsoft.Json.Formatting.None));
    }

    private CertificateFields ReadDocument()
    {
        try
        {
            JsonTokenType first = Next();
            if (first != JsonTokenType.StartObject)
            {
                throw CertificateFailure.Malformed($"the certificate must be a JSON object, got {Describe(first)}.", certificateId: null);
            }

            int seen = ReadTopLevel();
            if (_reader.Read())
            {
                throw new JsonException($"additional content after the certificate object ({_reader.TokenType}).");
            }

            for (int i = 0; i < RequiredTopLevel.Length; i++)
            {
                if ((seen & (1 << i)) == 0)
                {
                    Problem($"the required member '{RequiredTopLevel[i]}' is missing.");
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
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
        var names = default(ObjectMembers);
        while (NextMember(ref names, out CertificateMember member, out string name))
        {
            switch (member)
            {
                case CertificateMember.CertificateId:
                    seen |= SeenCertificateId;
                    _fields.CertificateId = RequiredString("certificate_id")!;
                    _certificateId = _fields.CertificateId;
                    break;
                case CertificateMember.RequestId:
                    seen |= SeenRequestId;
                    _fields.RequestId = RequiredString("request_id")!;
                    break;
                case CertificateMember.ProtocolVersion:
                    seen |= SeenProtocolVersion;
                    ReadProtocolVersion();
                    break;
                case CertificateMember.Claims:
                    seen |= SeenClaims;
                    ReadClaims();
                    break;
                case CertificateMember.Verification:
                    seen |= SeenVerification;
                    ReadVerification();
                    break;
                case CertificateMember.IssuedAt:
                    seen |= SeenIssuedAt;
                    _fields.IssuedAt = RequiredString("issued_at")!;
                    break;
                case CertificateMember.WitnessSignature:
                    seen |= SeenWitnessSignature;
                    _fields.WitnessSignature = RequiredString("witness_signature")!;
                    break;
                case CertificateMember.WitnessKeyId:
                    seen |= SeenWitnessKeyId;
                    _fields.WitnessKeyId = RequiredString("witness_key_id")!;
                    break;
                case CertificateMember.Attestation:
                    ReadAttestation();
                    break;
                case CertificateMember.AnchorStatus:
                    ReadAnchorStatus();
                    break;
                case CertificateMember.ClientId:
                    _fields.ClientId = OptionalString("client_id");
                    break;
                case CertificateMember.ApiKeyId:
                    _fields.ApiKeyId = OptionalString("api_key_id");
                    break;
                case CertificateMember.SignableV2Signature:
                    OptionalStringUnused("signable_v2_signature");
                    break;
                case CertificateMember.SignableV3Signature:
                    _fields.SignableV3Signature = OptionalString("signable_v3_signature");
                    break;
                case CertificateMember.SignableProtocolVersionEmitted:
                    _fields.SignableProtocolVersionEmitted = OptionalInteger("signable_protocol_version_emitted") ?? 0;
                    break;
                case CertificateMember.FormalVerification:
                case CertificateMember.AuditIntegrity:
                case CertificateMember.PrivacyBudget:
                    OpaqueObject(name);
                    break;
                default:
                    SkipValue(Next());
                    break;
            }
        }

        return seen;
    }

    private void ReadProtocolVersion()
    {
        JsonTokenType token = Next();
        if (token == JsonTokenType.Number && IsInteger())
        {
            _fields.ProtocolVersionIsSupported = _reader.TryGetInt64(out long version) && version == 2;
            _fields.ProtocolVersionText = _fields.ProtocolVersionIsSupported && _reader.ValueSpan.Length == 1 ? "2" : Encoding.UTF8.GetString(_reader.ValueSpan);
            return;
        }

        Problem($"'protocol_version' must be an integer, got {Describe(token)}.");
        SkipValue(token);
    }

    private void ReadClaims()
    {
        JsonTokenType token = Next();
        if (token != JsonTokenType.StartArray)
        {
            Problem($"'claims' must be an array, got {Describe(token)}.");
            SkipValue(token);
            return;
        }

        int index = 0;
        while ((token = Next()) != JsonTokenType.EndArray)
        {
            if (token == JsonTokenType.StartObject)
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
        bool isSanitizer = false;
        int payloadStart = -1, payloadLength = 0;
        string? escapedPayload = null;
        var names = default(ObjectMembers);
        while (NextMember(ref names, out CertificateMember member, out string name))
        {
            switch (member)
            {
                case CertificateMember.ClaimId:
                    seen |= 1;
                    claimId = RequiredString(PathText.Claim(index, name));
                    break;
                case CertificateMember.RequestId:
                    seen |= 2;
                    if (index == 0)
                    {
                        _fields.FirstClaimRequestId = RequiredString(PathText.Claim(index, name));
                    }
                    else
                    {
                        RequiredStringUnused(index, name);
                    }

                    break;
                case CertificateMember.ServiceId:
                    seen |= 4;
                    if (Next() == JsonTokenType.String)
                    {
                        CheckEscapes();
                        isSanitizer = _reader.ValueTextEquals("dsa-sanitizer"u8);
                    }
                    else
                    {
                        WrongType(ClaimPath(index, name), "a string");
                    }

                    break;
                case CertificateMember.ClaimType:
                    seen |= 8;
                    _ = RequiredEnum<VeilClaimType>(PathText.Claim(index, name));
                    break;
                case CertificateMember.CanonicalPayload:
                    // Only the first sanitizer claim's payload is used: note where it is, read its hashes below.
                    seen |= 16;
                    if (Next() != JsonTokenType.String)
                    {
                        WrongType(ClaimPath(index, name), "a string");
                    }
                    else if (_reader.ValueIsEscaped)
                    {
                        escapedPayload = _reader.GetString();
                    }
                    else
                    {
                        payloadStart = checked((int)_reader.TokenStartIndex + 1);
                        payloadLength = _reader.ValueSpan.Length;
                    }

                    break;
                case CertificateMember.Timestamp:
                    seen |= 32;
                    RequiredStringUnused(index, name);
                    break;
                case CertificateMember.Signature:
                    seen |= 64;
                    RequiredStringUnused(index, name);
                    break;
                case CertificateMember.DataSeen:
                case CertificateMember.DataNotSeen:
                    StringArray(index, name);
                    break;
                case CertificateMember.Bridge:
                case CertificateMember.Sanitizer:
                case CertificateMember.Inference:
                case CertificateMember.Audit:
                    OpaqueObject(name);
                    break;
                default:
                    SkipValue(Next());
                    break;
            }
        }

        RequireMembers(seen, RequiredClaimMembers, $"claims[{index}]");
        if (claimId is not null)
        {
            _fields.ClaimIds.Add(claimId);
        }

        if (isSanitizer && !_sanitizerSeen)
        {
            _sanitizerSeen = true;
            _fields.SanitizerHashes = escapedPayload is not null ? SanitizerHashes.FromCanonicalPayload(Encoding.UTF8.GetBytes(escapedPayload))
                : payloadStart >= 0 ? SanitizerHashes.FromCanonicalPayload(_input.Slice(payloadStart, payloadLength))
                : default;
        }
    }

    private void ReadVerification()
    {
        JsonTokenType token = Next();
        if (token != JsonTokenType.StartObject)
        {
            Problem($"'verification' must be an object, got {Describe(token)}.");
            SkipValue(token);
            return;
        }

        int seen = 0;
        var names = default(ObjectMembers);
        while (NextMember(ref names, out CertificateMember member, out string name))
        {
            switch (member)
            {
                case CertificateMember.SignaturesValid:
                    seen |= 1;
                    _ = RequiredBool(name);
                    break;
                case CertificateMember.Completeness:
                    seen |= 2;
                    _ = RequiredEnum<VeilCompleteness>("verification.completeness");
                    break;
                case CertificateMember.TemporalConsistent:
                    seen |= 4;
                    _ = RequiredBool(name);
                    break;
                case CertificateMember.DataVisibilityConsistent:
                    seen |= 8;
                    _ = RequiredBool(name);
                    break;
                case CertificateMember.IsolationVerified:
                    seen |= 16;
                    _ = RequiredBool(name);
                    break;
                case CertificateMember.OverallVerdict:
                    seen |= 32;
                    _fields.OverallVerdict = RequiredEnum<VeilVerdict>("verification.overall_verdict");
                    break;
                case CertificateMember.ByokExempt:
                    _fields.ByokExempt = RequiredBool(name);
                    break;
                case CertificateMember.MissingServices:
                    StringArray(-1, name);
                    break;
                default:
                    SkipValue(Next());
                    break;
            }
        }

        RequireMembers(seen, RequiredVerificationMembers, "verification");
    }

    private void ReadAttestation()
    {
        JsonTokenType token = Next();
        if (token == JsonTokenType.Null)
        {
            return;
        }

        if (token != JsonTokenType.StartObject)
        {
            Problem($"'attestation' must be an object or null, got {Describe(token)}.");
            SkipValue(token);
            return;
        }

        var names = default(ObjectMembers);
        while (NextMember(ref names, out CertificateMember member, out string name))
        {
            if (member is CertificateMember.Timestamp or CertificateMember.TransparencyLog or CertificateMember.Notary)
            {
                OpaqueObject(PathText.Under("attestation", name));
            }
            else
            {
                SkipValue(Next());
            }
        }
    }

    private void ReadAnchorStatus()
    {
        JsonTokenType token = Next();
        if (token == JsonTokenType.Null)
        {
            return;
        }

        if (token != JsonTokenType.StartObject)
        {
            Problem($"'anchor_status' must be an object or null, got {Describe(token)}.");
            SkipValue(token);
            return;
        }

        bool statusSeen = false;
        var names = default(ObjectMembers);
        while (NextMember(ref names, out CertificateMember member, out string name))
        {
            switch (member)
            {
                case CertificateMember.Status:
                    statusSeen = true;
                    _fields.AnchorStatus = RequiredEnum<VeilAnchorStatus>("anchor_status.status");
                    break;
                case CertificateMember.Attempts:
                    _ = OptionalInteger("anchor_status.attempts");
                    break;
                case CertificateMember.LastError:
                case CertificateMember.HumanNote:
                    OptionalStringUnused(PathText.Under("anchor_status", name));
                    break;
                default:
                    SkipValue(Next());
                    break;
            }
        }

        if (!statusSeen)
        {
            Problem("the required member 'anchor_status.status' is missing.");
        }
    }

    private void RequireMembers(int seen, string[] required, string owner)
    {
        for (int i = 0; i < required.Length; i++)
        {
            if ((seen & (1 << i)) == 0)
            {
                Problem($"the required member '{owner}.{required[i]}' is missing.");
                return;
            }
        }
    }

    private static string ClaimPath(int index, string member) => $"claims[{index}].{member}";

    private string? RequiredString(PathText path)
    {
        JsonTokenType token = Next();
        if (token == JsonTokenType.String)
        {
            return _reader.GetString();
        }

        WrongType(path, "a string");
        return null;
    }

    private void RequiredStringUnused(int claimIndex, string member)
    {
        JsonTokenType token = Next();
        if (token == JsonTokenType.String)
        {
            CheckEscapes();
        }
        else
        {
            WrongType(ClaimPath(claimIndex, member), "a string");
        }
    }

    private string? OptionalString(PathText path)
    {
        JsonTokenType token = Next();
        if (token == JsonTokenType.String)
        {
            return _reader.GetString();
        }

        if (token != JsonTokenType.Null)
        {
            WrongType(path, "a string or null");
        }

        return null;
    }

    private void OptionalStringUnused(PathText path)
    {
        JsonTokenType token = Next();
        if (token == JsonTokenType.String)
        {
            CheckEscapes();
        }
        else if (token != JsonTokenType.Null)
        {
            WrongType(path, "a string or null");
        }
    }

    private bool RequiredBool(string member)
    {
        JsonTokenType token = Next();
        if (token is JsonTokenType.True or JsonTokenType.False)
        {
            return token == JsonTokenType.True;
        }

        WrongType("verification." + member, "a boolean");
        return false;
    }

    private long? OptionalInteger(PathText path)
    {
        JsonTokenType token = Next();
        if (token == JsonTokenType.Null)
        {
            return null;
        }

        if (token == JsonTokenType.Number && IsInteger())
        {
            if (_reader.TryGetInt64(out long value))
            {
                return value;
            }

            Problem($"'{path}' is outside the 64-bit integer range.");
            return null;
        }

        WrongType(path, "an integer or null");
        return null;
    }

    private TEnum RequiredEnum<TEnum>(PathText path)
        where TEnum : struct, Enum
    {
        JsonTokenType token = Next();
        if (token != JsonTokenType.String)
        {
            WrongType(path, "a string");
            return default;
        }

        if (!_reader.ValueIsEscaped && WireEnum<TEnum>.TryParse(_reader.ValueSpan, out TEnum known))
        {
            return known;
        }

        string text = _reader.GetString()!;
        if (WireEnum<TEnum>.TryParse(text, out TEnum value))
        {
            return value;
        }

        Problem($"'{path}' has the unknown value '{Shorten(text)}' (expected one of {WireEnum<TEnum>.Names}).");
        return default;
    }

    private void StringArray(int claimIndex, string member)
    {
        string Path() => claimIndex >= 0 ? ClaimPath(claimIndex, member) : "verification." + member;
        JsonTokenType token = Next();
        if (token != JsonTokenType.StartArray)
        {
            WrongType(Path(), "an array of strings");
            return;
        }

        int index = 0;
        while ((token = Next()) != JsonTokenType.EndArray)
        {
            if (token == JsonTokenType.String)
            {
                CheckEscapes();
            }
            else
            {
                WrongType($"{Path()}[{index}]", "a string");
            }

            index++;
        }
    }

    private void OpaqueObject(PathText path)
    {
        JsonTokenType token = Next();
        if (token is JsonTokenType.Null or JsonTokenType.StartObject)
        {
            SkipValue(token);
        }
        else
        {
            WrongType(path, "an object or null");
        }
    }

    /// <summary>Records a type problem and walks past the offending value.</summary>
    private void WrongType(PathText path, string expected)
    {
        JsonTokenType token = _reader.TokenType;
        Problem($"'{path}' must be {expected}, got {Describe(token)}.");
        SkipValue(token);
    }

    /// <summary>Walks the value that starts at <paramref name="token"/> (still checking keys and strings).</summary>
    private void SkipValue(JsonTokenType token)
    {
        switch (token)
        {
            case JsonTokenType.StartObject:
                var names = default(ObjectMembers);
                while (NextMember(ref names, out _, out _))
                {
                    SkipValue(Next());
                }

                        break;
            case JsonTokenType.StartArray:
                while ((token = Next()) != JsonTokenType.EndArray)
                {
                    SkipValue(token);
                }

                break;
            case JsonTokenType.String:
                CheckEscapes();
                break;
        }
    }

    /// <summary>Reads the next member name of the current object; false at its end. Records duplicate names.</summary>
    private bool NextMember(ref ObjectMembers seen, out CertificateMember member, out string name)
    {
        if (Next() == JsonTokenType.EndObject)
        {
            member = CertificateMember.Other;
            name = string.Empty;
            return false;
        }

        member = CertificateMemberNames.Get(ref _reader, out name, out int slot);
        if (!seen.Add(name, slot))
        {
            Problem($"the member '{Shorten(name)}' appears twice in one object (duplicate keys are ambiguous).");
        }

        return true;
    }

    private JsonTokenType Next()
    {
        if (!_reader.Read())
        {
            throw new JsonException("the JSON text ended early.");
        }

        return _reader.TokenType;
    }

    /// <summary>Escaped strings are decoded once, which rejects escaped unpaired surrogates.</summary>
    private readonly void CheckEscapes()
    {
        if (_reader.ValueIsEscaped)
        {
            _ = _reader.GetString();
        }
    }

    private readonly bool IsInteger() => _reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;

    private void Problem(string message) => _problem ??= message;

    private readonly string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number when IsInteger() => $"the integer {Shorten(Encoding.UTF8.GetString(_reader.ValueSpan))}",
        JsonTokenType.Number => $"the non-integer number {Shorten(Encoding.UTF8.GetString(_reader.ValueSpan))}",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    /// <summary>A member's path for messages, formatted only when a problem is recorded (the happy path builds no strings).</summary>
    private readonly struct PathText
    {
        private readonly string? _owner;
        private readonly int _claimIndex;
        private readonly string _name;

        private PathText(string? owner, int claimIndex, string name)
        {
            _owner = owner;
            _claimIndex = claimIndex;
            _name = name;
        }

        public static implicit operator PathText(string path) => new(null, -1, path);

        internal static PathText Claim(int index, string name) => new(null, index, name);

        internal static PathText Under(string owner, string name) => new(owner, -1, name);

        public override string ToString() =>
            _claimIndex >= 0 ? ClaimPath(_claimIndex, _name) : _owner is null ? _name : $"{_owner}.{_name}";
    }

    /// <summary>The names seen in one object: a bit per table name, a set for any other name.</summary>
    private struct ObjectMembers
    {
        private UInt128 _table;
        private MemberNameSet? _others;

        internal bool Add(string name, int slot)
        {
            if (slot >= 0)
            {
                UInt128 bit = UInt128.One << slot;
                bool added = (_table & bit) == UInt128.Zero;
                _table |= bit;
                return added;
            }

            _others ??= new MemberNameSet();
            return _others.Add(name);
        }
    }
}
