namespace Shared.Crypto.Tests;

/// <summary>
/// The SHA-256 entry points at the edges of their input shapes: the small-input copy limit of the
/// multi-part form, large parts, a destination that overlaps the parts, and short destinations.
/// </summary>
public class HashInputShapeTests
{
    [TestCase(0, 0, 0)]
    [TestCase(100, 100, 56)]
    [TestCase(100, 100, 57)]
    [TestCase(0, 300, 0)]
    [TestCase(200, 0, 200)]
    [TestCase(1, 2, 5000)]
    [TestCase(4096, 4096, 4096)]
    public void Multi_part_sha256_equals_the_hash_of_the_concatenation_on_both_sides_of_the_copy_limit(int first, int second, int third)
    {
        byte[] a = Filled(first, 1);
        byte[] b = Filled(second, 2);
        byte[] c = Filled(third, 3);
        byte[] digest = new byte[32];

        Hashes.Sha256(a, b, c, digest);

        Assert.That(digest, Is.EqualTo(Hashes.Sha256([.. a, .. b, .. c])));
    }

    [Test]
    public void Multi_part_sha256_order_matters_for_large_parts()
    {
        byte[] a = Filled(300, 7);
        byte[] b = Filled(300, 9);
        byte[] ab = new byte[32];
        byte[] ba = new byte[32];

        Hashes.Sha256(a, b, [], ab);
        Hashes.Sha256(b, a, [], ba);

        Assert.That(ab, Is.Not.EqualTo(ba));
        Assert.That(ab, Is.EqualTo(Hashes.Sha256([.. a, .. b])));
    }

    [Test]
    public void Multi_part_sha256_may_write_over_its_own_input()
    {
        byte[] buffer = Filled(64, 5);
        byte[] expected = Hashes.Sha256(buffer);

        Hashes.Sha256(buffer.AsSpan(0, 32), buffer.AsSpan(32, 32), [], buffer.AsSpan(0, 32));

        Assert.That(buffer.AsSpan(0, 32).ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void Multi_part_sha256_writes_only_32_bytes_into_a_larger_destination()
    {
        byte[] destination = Enumerable.Repeat((byte)0xEE, 40).ToArray();

        Hashes.Sha256("ab"u8, "c"u8, [], destination);

        Assert.That(destination.AsSpan(0, 32).ToArray(), Is.EqualTo(Hashes.Sha256("abc"u8)));
        Assert.That(destination.AsSpan(32).ToArray(), Is.All.EqualTo(0xEE));
    }

    [TestCase(0)]
    [TestCase(31)]
    public void A_short_destination_is_an_argument_error_naming_it(int length)
    {
        var single = Assert.Throws<ArgumentException>(() => Hashes.Sha256("abc"u8, new byte[length]));
        Assert.That(single!.ParamName, Is.EqualTo("destination"));
        Assert.That(single.Message, Does.Contain("must hold 32 bytes; it holds " + length));

        var multi = Assert.Throws<ArgumentException>(() => Hashes.Sha256("a"u8, "b"u8, "c"u8, new byte[length]));
        Assert.That(multi!.ParamName, Is.EqualTo("destination"));
        Assert.That(multi.Message, Does.Contain("must hold 32 bytes; it holds " + length));
    }

    [Test]
    public void Sha256_hex_of_nothing_is_the_empty_digest() =>
        Assert.That(Hashes.Sha256Hex([]), Is.EqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));

    private static byte[] Filled(int length, byte seed)
    {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(seed + (i * 31));
        }

        return bytes;
    }
}
