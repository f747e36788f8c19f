namespace Shared.Crypto.Tests.Canonical;

/// <summary>The member writer's error texts and paths, and its safe-integer boundary.</summary>
public class CanonicalJsonObjectWriterErrorTests
{
    private static readonly CanonicalJsonOptions Lucairn = TestProfiles.Lucairn;
    private static readonly CanonicalJsonOptions Attesto = TestProfiles.Attesto;

    [Test]
    public void A_lone_surrogate_in_a_key_is_reported_at_the_root_as_the_key()
    {
        using var writer = new CanonicalJsonObjectWriter(Lucairn);
        var ex = Assert.Throws<CanonicalJsonException>(() => writer.WriteString("ab\udc00", "v"));
        Assert.That(ex!.Path, Is.EqualTo("$"));
        Assert.That(ex.Message, Is.EqualTo("Canonical JSON (lucairn-witness) at $: the key: the string has an unpaired low surrogate U+DC00 at index 2."));
    }

    [Test]
    public void A_lone_surrogate_in_a_value_is_reported_at_the_member()
    {
        using var writer = new CanonicalJsonObjectWriter(Lucairn);
        var ex = Assert.Throws<CanonicalJsonException>(() => writer.WriteString("k", "x\ud800"));
        Assert.That(ex!.Path, Is.EqualTo("$.k"));
        Assert.That(ex.Message, Is.EqualTo("Canonical JSON (lucairn-witness) at $.k: the string has an unpaired high surrogate U+D800 at index 1."));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void A_lone_surrogate_in_an_array_item_is_reported_at_the_item(int index)
    {
        string?[] items = ["ok", "fine", "also"];
        items[index] = "x\udc00";
        using var writer = new CanonicalJsonObjectWriter(Lucairn);
        var ex = Assert.Throws<CanonicalJsonException>(() => writer.WriteStringArray("k", items));
        Assert.That(ex!.Path, Is.EqualTo($"$.k[{index}]"));
        Assert.That(ex.Message, Is.EqualTo($"Canonical JSON (lucairn-witness) at $.k[{index}]: the string has an unpaired low surrogate U+DC00 at index 1."));
    }

    [TestCase(-1L, "-1")]
    [TestCase(-CanonicalJsonOptions.MaxSafeInteger, "-9007199254740991")]
    [TestCase(CanonicalJsonOptions.MaxSafeInteger, "9007199254740991")]
    public void Safe_integers_down_to_the_negative_limit_are_written(long value, string text)
    {
        using var writer = new CanonicalJsonObjectWriter(Attesto);
        writer.WriteInteger("n", value);
        Assert.That(System.Text.Encoding.ASCII.GetString(writer.Complete()), Is.EqualTo("{\"n\":" + text + "}"));
    }

    [TestCase(-CanonicalJsonOptions.MaxSafeInteger - 1, "-9007199254740992")]
    [TestCase(CanonicalJsonOptions.MaxSafeInteger + 1, "9007199254740992")]
    public void One_past_the_safe_limit_is_refused_with_the_value_and_path(long value, string text)
    {
        using var writer = new CanonicalJsonObjectWriter(Attesto);
        var ex = Assert.Throws<CanonicalJsonException>(() => writer.WriteInteger("n", value));
        Assert.That(ex!.Path, Is.EqualTo("$.n"));
        Assert.That(ex.IsNumberPolicyViolation, Is.True);
        Assert.That(ex.Message, Is.EqualTo($"Canonical JSON (attesto) at $.n: the integer {text} is outside the safe range ±(2^53−1) (send large integers as strings)."));
    }

    [Test]
    public void A_member_after_completion_is_refused_with_a_clear_message()
    {
        using var writer = new CanonicalJsonObjectWriter(Lucairn);
        _ = writer.Complete();
        var ex = Assert.Throws<InvalidOperationException>(() => writer.WriteNull("late"));
        Assert.That(ex!.Message, Is.EqualTo("The canonical JSON object is already complete; no member can follow."));
    }

    [Test]
    public void Growing_the_buffer_allocates_in_proportion_to_the_output()
    {
        string text = new('a', 100_000);
        using (var warm = new CanonicalJsonObjectWriter(Lucairn, initialCapacity: 64))
        {
            warm.WriteString("k", text);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        using (var writer = new CanonicalJsonObjectWriter(Lucairn, initialCapacity: 64))
        {
            writer.WriteString("k", text);
            Assert.That(writer.Complete().Length, Is.EqualTo(text.Length + 8));
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(4 * 1024 * 1024));
    }
}
