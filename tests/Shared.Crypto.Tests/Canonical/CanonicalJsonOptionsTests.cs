using System.Numerics;
using Newtonsoft.Json.Linq;

namespace Shared.Crypto.Tests.Canonical;

/// <summary>The profile switches: their defaults, the safe-integer boundary and what each switch changes.</summary>
public class CanonicalJsonOptionsTests
{
    [Test]
    public void A_new_profile_has_the_documented_defaults()
    {
        var options = new CanonicalJsonOptions();

        Assert.That(options.Name, Is.EqualTo("custom"));
        Assert.That(options.SafeIntegersOnly, Is.False);
        Assert.That(options.RejectDuplicateKeys, Is.True);
        Assert.That(options.MaxDepth, Is.EqualTo(128));
    }

    [Test]
    public void The_default_profile_is_named_default_and_allows_any_integer()
    {
        var options = CanonicalJsonOptions.Default;

        Assert.That(options.Name, Is.EqualTo("default"));
        Assert.That(options.SafeIntegersOnly, Is.False);
        Assert.That(options.RejectDuplicateKeys, Is.True);
        Assert.That(options.MaxDepth, Is.EqualTo(128));
        Assert.That(ReferenceEquals(options, CanonicalJsonOptions.Default), Is.True);
        Assert.That(CanonicalJson.SerializeToString(new JArray(long.MaxValue, long.MinValue, ulong.MaxValue), options),
            Is.EqualTo("[9223372036854775807,-9223372036854775808,18446744073709551615]"));
    }

    [Test]
    public void Max_safe_integer_is_two_to_the_53_minus_one() =>
        Assert.That(CanonicalJsonOptions.MaxSafeInteger, Is.EqualTo((1L << 53) - 1));

    [TestCase(9_007_199_254_740_991L)]
    [TestCase(-9_007_199_254_740_991L)]
    [TestCase(0L)]
    public void Safe_integers_only_accepts_the_boundary(long value)
    {
        var options = new CanonicalJsonOptions { SafeIntegersOnly = true };
        string text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(CanonicalJson.SerializeToString(new JArray(value), options), Is.EqualTo($"[{text}]"));
        Assert.That(CanonicalJson.SerializeToString(new JArray(new JValue(new BigInteger(value))), options), Is.EqualTo($"[{text}]"));
        Assert.That(CanonicalJson.SerializeToString(CanonicalJson.Parse($"[{text}]", options), options), Is.EqualTo($"[{text}]"));
    }

    [TestCase(9_007_199_254_740_992L)]
    [TestCase(-9_007_199_254_740_992L)]
    [TestCase(long.MaxValue)]
    [TestCase(long.MinValue)]
    public void Safe_integers_only_rejects_one_past_the_boundary(long value)
    {
        var options = new CanonicalJsonOptions { Name = "strict-ints", SafeIntegersOnly = true };

        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(new JObject { ["n"] = value }, options));
        Assert.That(ex!.IsNumberPolicyViolation, Is.True);
        Assert.That(ex.Path, Is.EqualTo("$.n"));
        Assert.That(ex.Message, Does.Contain("strict-ints").And.Contain(value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var big = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(new JObject { ["n"] = new JValue(new BigInteger(value)) }, options));
        Assert.That(big!.IsNumberPolicyViolation, Is.True);
        Assert.That(big.Message, Does.Contain(value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Safe_integers_only_rejects_big_unsigned_values()
    {
        var options = new CanonicalJsonOptions { SafeIntegersOnly = true };

        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(new JArray(ulong.MaxValue), options));
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(new JArray((ulong)long.MaxValue), options));
        Assert.That(CanonicalJson.SerializeToString(new JArray((ulong)CanonicalJsonOptions.MaxSafeInteger), options), Is.EqualTo("[9007199254740991]"));
    }

    [Test]
    public void The_profile_name_appears_in_write_errors()
    {
        var options = new CanonicalJsonOptions { Name = "my-profile" };
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(new JObject { ["f"] = 1.5 }, options));

        Assert.That(ex!.Message, Does.StartWith("Canonical JSON (my-profile) at $.f: "));
        Assert.That(ex.IsNumberPolicyViolation, Is.True);
    }
}
