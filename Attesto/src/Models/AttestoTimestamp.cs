using System.Globalization;

namespace Attesto;

/// <summary>
/// A timezone-aware source time (<c>ts</c> in v1, <c>occurred_at</c> in v2). Converts
/// implicitly from <see cref="DateTimeOffset"/> and from <see cref="DateTime"/> of kind
/// <see cref="DateTimeKind.Utc"/> or <see cref="DateTimeKind.Local"/>; a <see cref="DateTime"/> of kind
/// <see cref="DateTimeKind.Unspecified"/> converts to a rejected value, so the client fails with
/// <see cref="AttestoValidationException"/> instead of silently guessing a time zone.
/// Serialised as ISO 8601 with microseconds and the offset, e.g. <c>2026-06-07T12:00:00.123456+00:00</c>.
/// </summary>
public readonly struct AttestoTimestamp : IEquatable<AttestoTimestamp>
{
    private const string WireFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffffzzz";

    private readonly DateTimeOffset _value;
    private readonly string? _problem;
    private readonly bool _hasValue;

    private AttestoTimestamp(DateTimeOffset value)
    {
        _value = value;
        _hasValue = true;
        _problem = null;
    }

    private AttestoTimestamp(string problem)
    {
        _value = default;
        _hasValue = false;
        _problem = problem;
    }

    /// <summary>Whether this holds a usable, timezone-aware time.</summary>
    public bool IsValid => _hasValue;

    /// <summary>Converts a <see cref="DateTimeOffset"/>.</summary>
    /// <param name="value">The time with its offset.</param>
    public static implicit operator AttestoTimestamp(DateTimeOffset value) => FromDateTimeOffset(value);

    /// <summary>Converts a <see cref="DateTime"/>; kind Unspecified gives a rejected value.</summary>
    /// <param name="value">The time.</param>
    public static implicit operator AttestoTimestamp(DateTime value) => FromDateTime(value);

    /// <summary>Wraps a <see cref="DateTimeOffset"/>.</summary>
    /// <param name="value">The time with its offset.</param>
    /// <returns>The timestamp.</returns>
    public static AttestoTimestamp FromDateTimeOffset(DateTimeOffset value) => new(value);

    /// <summary>Wraps a <see cref="DateTime"/> of kind Utc or Local; kind Unspecified gives a rejected value.</summary>
    /// <param name="value">The time.</param>
    /// <returns>The timestamp.</returns>
    public static AttestoTimestamp FromDateTime(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => new(new DateTimeOffset(value, TimeSpan.Zero)),
        DateTimeKind.Local => new(new DateTimeOffset(value)),
        _ => new("a DateTime of kind Unspecified has no time zone; pass a DateTimeOffset or a DateTime of kind Utc"),
    };

    /// <summary>Gets the time when it is valid.</summary>
    /// <param name="value">The time with its offset.</param>
    /// <returns>Whether the timestamp is valid.</returns>
    public bool TryGetValue(out DateTimeOffset value)
    {
        value = _value;
        return _hasValue;
    }

    /// <summary>The wire form, or a description of why it is rejected.</summary>
    /// <returns>ISO 8601 text with offset.</returns>
    public override string ToString() => _hasValue ? ToWire(_value) : $"(invalid: {_problem ?? "no value"})";

    /// <inheritdoc />
    public bool Equals(AttestoTimestamp other) => _hasValue == other._hasValue && _value.Equals(other._value) && _value.Offset == other._value.Offset;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AttestoTimestamp other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_hasValue, _value, _value.Offset);

    /// <summary>Equality.</summary>
    public static bool operator ==(AttestoTimestamp left, AttestoTimestamp right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(AttestoTimestamp left, AttestoTimestamp right) => !left.Equals(right);

    /// <summary>Formats a time as the wire text: microseconds and offset.</summary>
    internal static string ToWire(DateTimeOffset value) => value.ToString(WireFormat, CultureInfo.InvariantCulture);

    /// <summary>The wire text of <paramref name="timestamp"/>, or of now (UTC) when null.</summary>
    /// <param name="timestamp">The caller's value.</param>
    /// <param name="field">The field name for the error message.</param>
    /// <param name="timeProvider">The clock for the default.</param>
    /// <returns>The ISO 8601 text.</returns>
    /// <exception cref="AttestoValidationException">The value is not timezone-aware.</exception>
    internal static string Resolve(AttestoTimestamp? timestamp, string field, TimeProvider timeProvider)
    {
        if (timestamp is null)
        {
            return ToWire(timeProvider.GetUtcNow());
        }

        AttestoTimestamp value = timestamp.Value;
        return value._hasValue
            ? ToWire(value._value)
            : throw new AttestoValidationException($"{field} must be timezone-aware: {value._problem ?? "no value was given"}.", field);
    }
}
