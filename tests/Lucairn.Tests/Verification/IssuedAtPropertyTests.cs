using System.Globalization;
using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

// FsCheck supplies the parameters of [FsCheckProperty] methods; the NUnit analyzer does not know that.
#pragma warning disable NUnit1027

namespace Lucairn.Tests.Verification;

/// <summary>Properties of the issued_at rules and of signing/verification round trips, over generated inputs.</summary>
public class IssuedAtPropertyTests
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [FsCheckProperty(MaxTest = 500)]
    public bool Offsets_normalise_to_the_same_instant_in_utc(uint secondsSinceEpoch, short offsetMinutesSeed, uint fractionSeed, byte fractionDigitsSeed)
    {
        DateTime utc = Epoch.AddSeconds(secondsSinceEpoch);
        int offsetMinutes = offsetMinutesSeed % 1440;
        int digits = fractionDigitsSeed % 10;
        string fraction = digits == 0 ? string.Empty : fractionSeed.ToString("D10", CultureInfo.InvariantCulture)[..digits];
        DateTime wall = utc.AddMinutes(offsetMinutes);
        string offset = (offsetMinutes < 0 ? "-" : "+") + TimeSpan.FromMinutes(Math.Abs(offsetMinutes)).ToString("hh\\:mm", CultureInfo.InvariantCulture);
        string served = wall.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + (digits == 0 ? string.Empty : "." + fraction) + offset;

        string trimmed = fraction.TrimEnd('0');
        string expected = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + (trimmed.Length == 0 ? string.Empty : "." + trimmed) + "Z";
        return IssuedAt.Normalize(served) == expected
            && IssuedAt.TryParse(served, out DateTimeOffset parsed)
            && parsed.UtcDateTime.Ticks / 10 == (utc.Ticks / 10) + MicrosecondsOf(fraction);
    }

    [FsCheckProperty(MaxTest = 300)]
    public bool Trailing_zeros_never_change_the_normalised_form(uint secondsSinceEpoch, uint fractionSeed, byte zeros)
    {
        string seconds = Epoch.AddSeconds(secondsSinceEpoch).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        string fraction = fractionSeed.ToString(CultureInfo.InvariantCulture);
        string padded = fraction + new string('0', zeros % 12);
        return IssuedAt.Normalize($"{seconds}.{fraction}Z") == IssuedAt.Normalize($"{seconds}.{padded}Z");
    }

    [FsCheckProperty(MaxTest = 60)]
    public bool Any_certificate_id_signs_and_verifies_and_any_change_breaks_it(string? certificateId)
    {
        if (certificateId is null || HasUnpairedSurrogate(certificateId))
        {
            return true;
        }

        JObject cert = CertificateFixtures.Load("cert-valid-anchored.json");
        cert["certificate_id"] = certificateId;
        Ed25519PrivateKey key = CertificateFixtures.TestPrivateKey;
        CertificateFixtures.Resign(cert, key);
        var keys = new VerifyCertificateKeys("witness_v1", key.PublicKey);
        bool verifies = CertificateVerifier.Verify(cert.ToString(), keys).CertificateId == certificateId;

        cert["certificate_id"] = certificateId + "x";
        try
        {
            CertificateVerifier.Verify(cert.ToString(), keys);
            return false;
        }
        catch (LucairnCertificateException ex)
        {
            return verifies && ex.Reason == VerifyCertificateFailureReason.InvalidSignature;
        }
    }

    private static long MicrosecondsOf(string fraction) =>
        long.Parse(fraction.PadRight(6, '0')[..6], CultureInfo.InvariantCulture);

    private static bool HasUnpairedSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
