namespace Lucairn.Tests.Verification;

/// <summary>
/// <see cref="IssuedAt"/> at its boundaries: the shortest accepted text, the year and offset
/// limits, malformed offsets and fractions, and instants that leave the calendar once shifted.
/// </summary>
public class IssuedAtEdgeTests
{
    [Test]
    public void Shortest_form_with_z_parses()
    {
        Assert.That(IssuedAt.TryParse("2024-05-06T07:08:09Z", out DateTimeOffset value), Is.True);
        Assert.That(value, Is.EqualTo(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero)));
    }

    [TestCase("")]
    [TestCase("2024-05-06T07:08:0")]
    [TestCase("2024-05-06T07:08:09")]
    public void Text_shorter_than_seconds_plus_zone_is_rejected(string text) =>
        Assert.That(IssuedAt.TryParse(text, out _), Is.False);

    [Test]
    public void Fraction_without_a_zone_is_rejected()
    {
        Assert.That(IssuedAt.TryParse("2024-05-06T07:08:09.123", out _), Is.False);
        Assert.That(IssuedAt.Normalize("2024-05-06T07:08:09.120"), Is.EqualTo("2024-05-06T07:08:09.120"));
    }

    [Test]
    public void Year_one_is_the_first_valid_year()
    {
        Assert.That(IssuedAt.TryParse("0001-01-01T00:00:00Z", out DateTimeOffset value), Is.True);
        Assert.That(value, Is.EqualTo(DateTimeOffset.MinValue));
        Assert.That(IssuedAt.TryParse("0000-01-01T00:00:00Z", out _), Is.False);
    }

    [TestCase("2024-02-30T00:00:00Z")]
    [TestCase("2023-02-29T00:00:00Z")]
    [TestCase("2024-01-01T24:00:00Z")]
    [TestCase("2024-01-01T00:60:00Z")]
    [TestCase("2024-01-01T00:00:60Z")]
    [TestCase("2024-13-01T00:00:00Z")]
    public void Impossible_calendar_value_is_rejected(string text)
    {
        Assert.That(IssuedAt.TryParse(text, out DateTimeOffset value), Is.False);
        Assert.That(value, Is.EqualTo(default(DateTimeOffset)));
    }

    [Test]
    public void Zulu_text_with_an_impossible_date_still_has_its_fraction_trimmed() =>
        Assert.That(IssuedAt.Normalize("2024-02-30T00:00:00.10Z"), Is.EqualTo("2024-02-30T00:00:00.1Z"));

    [Test]
    public void Minutes_of_the_offset_stop_at_59()
    {
        Assert.That(IssuedAt.TryParse("2024-01-01T00:00:00+01:59", out DateTimeOffset value), Is.True);
        Assert.That(value.Offset, Is.EqualTo(new TimeSpan(1, 59, 0)));
        Assert.That(IssuedAt.TryParse("2024-01-01T00:00:00+01:60", out _), Is.False);
    }

    [Test]
    public void Hours_of_the_offset_stop_at_23()
    {
        Assert.That(IssuedAt.Normalize("2024-01-01T00:00:00-23:59"), Is.EqualTo("2024-01-01T23:59:00Z"));
        Assert.That(IssuedAt.Normalize("2024-01-01T00:00:00+24:00"), Is.EqualTo("2024-01-01T00:00:00+24:00"));
        Assert.That(IssuedAt.TryParse("2024-01-01T00:00:00+24:00", out _), Is.False);
    }

    [Test]
    [Description("DateTimeOffset holds offsets up to 14 hours; RFC 3339 allows up to 23:59, kept as the same instant in UTC.")]
    public void Offsets_up_to_14_hours_are_kept_and_larger_ones_give_the_instant_in_UTC()
    {
        Assert.That(IssuedAt.TryParse("2024-01-01T00:00:00-14:00", out DateTimeOffset value), Is.True);
        Assert.That((value.Offset, value.UtcDateTime), Is.EqualTo((TimeSpan.FromHours(-14), new DateTime(2024, 1, 1, 14, 0, 0))));
        Assert.That(IssuedAt.TryParse("2024-01-01T00:00:00.123456+14:01", out value), Is.True);
        Assert.That((value.Offset, value.UtcDateTime), Is.EqualTo((TimeSpan.Zero, new DateTime(2023, 12, 31, 9, 59, 0).AddTicks(1234560))));
        Assert.That(IssuedAt.TryParse("2024-01-01T00:00:00-23:59", out value), Is.True);
        Assert.That((value.Offset, value.UtcDateTime), Is.EqualTo((TimeSpan.Zero, new DateTime(2024, 1, 1, 23, 59, 0))));
        Assert.That(IssuedAt.TryParse("0001-01-01T00:00:00+23:59", out _), Is.False, "before the first instant .NET can hold");
        Assert.That(IssuedAt.TryParse("9999-12-31T23:59:59-23:59", out _), Is.False, "after the last instant .NET can hold");
    }

    [TestCase("2024-01-01T00:00:00+01:000")]
    [TestCase("2024-01-01T00:00:00.5+01:000")]
    [TestCase("2024-01-01T00:00:00x01:00")]
    [TestCase("2024-01-01T00:00:00+01-00")]
    [TestCase("2024-01-01T00:00:00+0/:00")]
    [TestCase("2024-01-01T00:00:00+/0:00")]
    [TestCase("2024-01-01T00:00:00+00:0/")]
    [TestCase("2024-01-01T00:00:00+ab:00")]
    [TestCase("2024-01-01T00:00:00+00:ab")]
    [TestCase("2024-01-01T00:00:00z")]
    [TestCase("2024-01-01T00:00:00Z\n")]
    public void Malformed_zone_is_rejected(string text)
    {
        Assert.That(IssuedAt.TryParse(text, out _), Is.False);
        Assert.That(IssuedAt.Normalize(text), Is.SameAs(text));
    }

    [TestCase("0001-01-01T00:00:00+01:00")]
    [TestCase("9999-12-31T23:59:59-00:01")]
    public void Offset_that_moves_the_instant_off_the_calendar_is_rejected(string text) =>
        Assert.That(IssuedAt.TryParse(text, out _), Is.False);

    [TestCase("9999-12-31T23:00:00-02:00")]
    [TestCase("0001-01-01T00:30:00.50+01:00")]
    public void Normalize_leaves_text_that_cannot_be_shifted_to_utc_unchanged(string text) =>
        Assert.That(IssuedAt.Normalize(text), Is.EqualTo(text));

    [Test]
    public void Normalize_shifts_a_numeric_offset_to_utc()
    {
        Assert.That(IssuedAt.Normalize("2024-01-01T00:30:00.50+01:00"), Is.EqualTo("2023-12-31T23:30:00.5Z"));
        Assert.That(IssuedAt.Normalize("2024-01-01T23:30:00-00:45"), Is.EqualTo("2024-01-02T00:15:00Z"));
    }
}
