namespace Lucairn.Tests.Verification.Chain;

/// <summary>Step 5a's timestamp grammar at its boundaries (ChainIssuedAt).</summary>
public class ChainIssuedAtTests
{
    [TestCase("2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z")]
    [TestCase("2024-01-01T23:59:59Z", "2024-01-01T23:59:59Z")]
    [TestCase("2024-01-01T00:00:00+23:00", "2023-12-31T01:00:00Z")]
    [TestCase("2024-01-01T00:00:00-00:59", "2024-01-01T00:59:00Z")]
    [TestCase("2024-01-01T00:00:00.120Z", "2024-01-01T00:00:00.12Z")]
    [TestCase("2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00Z")]
    [TestCase("2024-01-01T00:00:00.123456789+01:00", "2023-12-31T23:00:00.123456789Z")]
    [TestCase("2024-02-29T12:00:00Z", "2024-02-29T12:00:00Z")]
    public void Accepted(string text, string expected)
    {
        Assert.That(ChainIssuedAt.TryNormalize(text, out string normalized), Is.True);
        Assert.That(normalized, Is.EqualTo(expected));
    }

    [TestCase("2024-01-01T00:00:0Z", TestName = "Refused_TooShort")]
    [TestCase("2024-01-01 00:00:00Z", TestName = "Refused_NotTheSecondsShape")]
    [TestCase("2024-01-01T00:00:00X", TestName = "Refused_UnknownZoneLetter")]
    [TestCase("2024-01-01T00:00:00Z0000", TestName = "Refused_TextAfterZ")]
    [TestCase("2024-01-01T00:00:00Q01:00", TestName = "Refused_OffsetWithoutSign")]
    [TestCase("2024-01-01T00:00:00+01:00Z", TestName = "Refused_OffsetWithTrailingText")]
    [TestCase("2024-01-01T00:00:00+0100", TestName = "Refused_OffsetWithoutColon")]
    [TestCase("2024-01-01T00:00:00+0a:00", TestName = "Refused_OffsetHoursNotDigits")]
    [TestCase("2024-01-01T00:00:00+00:a0", TestName = "Refused_OffsetMinutesNotDigits")]
    [TestCase("2024-01-01T00:00:00+24:00", TestName = "Refused_OffsetHours24")]
    [TestCase("2024-01-01T00:00:00+00:60", TestName = "Refused_OffsetMinutes60")]
    [TestCase("2024-01-01T24:00:00Z", TestName = "Refused_Hour24")]
    [TestCase("2024-01-01T00:60:00Z", TestName = "Refused_Minute60")]
    [TestCase("2024-01-01T00:00:60Z", TestName = "Refused_LeapSecond")]
    [TestCase("2023-02-29T00:00:00Z", TestName = "Refused_NotARealDate")]
    [TestCase("0001-01-01T00:00:00+00:01", TestName = "Refused_BeforeYearOneInUtc")]
    [TestCase("9999-12-31T23:59:59-00:01", TestName = "Refused_AfterYear9999InUtc")]
    [TestCase("2024-01-01T00:00:00.1", TestName = "Refused_FractionWithoutZone")]
    [TestCase("2024-01-01T00:00:00.Z", TestName = "Refused_EmptyFraction")]
    [TestCase("2024-01-01T00:00:00.1234567890Z", TestName = "Refused_TenFractionDigits")]
    public void Refused(string text)
    {
        Assert.That(ChainIssuedAt.TryNormalize(text, out string normalized), Is.False);
        Assert.That(normalized, Is.Empty);
    }
}
