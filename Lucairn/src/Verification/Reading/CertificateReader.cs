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
internal ref partial struct CertificateReader
{
    /// <summary>The deepest nesting accepted (real certificates use 5 levels).</summary>
    internal const int MaxDepth = 64;

    /// <summary>The longest certificate text accepted, in characters (real certificates are about 16 KB).</summary>
    internal const int MaxLength = 4 * 1024 * 1024;

    internal static readonly CanonicalJsonOptions ParseOptions = LucairnCanonicalJson.Options with { MaxDepth = MaxDepth };

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
}
