using Newtonsoft.Json.Linq;

namespace Shared.Crypto.Tests;

public class HashTests
{
    private static IEnumerable<TestCaseData> Rfc4231() => KnownAnswers.Cases("rfc4231-hmac-sha256.json");

    private static IEnumerable<TestCaseData> Keccak() => KnownAnswers.Cases("keccak256.json");

    [TestCaseSource(nameof(Rfc4231))]
    public void Hmac_sha256_matches_rfc4231(JObject c)
    {
        byte[] mac = Hashes.HmacSha256(KnownAnswers.Bytes(c, "key"), KnownAnswers.Bytes(c, "data"));
        byte[] expected = KnownAnswers.Bytes(c, "hmac_sha256");
        int length = (int?)c["truncate_to_bytes"] ?? 32;

        Assert.That(mac.AsSpan(0, length).ToArray(), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Keccak))]
    public void Keccak256_known_answers(JObject c)
    {
        string digest = Hex.Encode(Hashes.Keccak256(System.Text.Encoding.UTF8.GetBytes((string)c["input_utf8"]!)));
        if (c["keccak256"] is { } full)
        {
            Assert.That(digest, Is.EqualTo((string)full!));
        }
        else
        {
            Assert.That(digest, Does.StartWith((string)c["keccak256_prefix"]!));
        }
    }

    [Test]
    public void Keccak256_is_not_sha3_256()
    {
        Assert.That(Hashes.Keccak256([]), Is.Not.EqualTo(System.Security.Cryptography.SHA3_256.IsSupported
            ? System.Security.Cryptography.SHA3_256.HashData([])
            : Convert.FromHexString("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a")));
    }

    [Test]
    public void Sha256_known_answers_and_forms_agree()
    {
        const string Abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        Assert.That(Hashes.Sha256Hex("abc"u8), Is.EqualTo(Abc));
        Assert.That(Hex.Encode(Hashes.Sha256("abc"u8)), Is.EqualTo(Abc));

        Span<byte> destination = stackalloc byte[32];
        Hashes.Sha256("abc"u8, destination);
        Assert.That(Hex.Encode(destination), Is.EqualTo(Abc));

        byte[] small = new byte[31];
        Assert.Throws<ArgumentException>(() => Hashes.Sha256("abc"u8, small));
    }

    [Test]
    public void Multi_part_sha256_equals_the_hash_of_the_concatenation()
    {
        byte[] a = [1, 2, 3];
        byte[] b = new byte[100];
        byte[] c = "tail"u8.ToArray();
        Span<byte> digest = stackalloc byte[32];

        Hashes.Sha256(a, b, c, digest);
        Assert.That(digest.ToArray(), Is.EqualTo(Hashes.Sha256([.. a, .. b, .. c])));

        Hashes.Sha256(a, b, [], digest);
        Assert.That(digest.ToArray(), Is.EqualTo(Hashes.Sha256([.. a, .. b])), "reused per-thread state is reset");

        var results = new bool[32];
        Parallel.For(0, results.Length, i =>
        {
            Span<byte> local = stackalloc byte[32];
            Hashes.Sha256(a, BitConverter.GetBytes(i), c, local);
            results[i] = local.SequenceEqual(Hashes.Sha256([.. a, .. BitConverter.GetBytes(i), .. c]));
        });
        Assert.That(results, Is.All.True);
    }

    [Test]
    public void Constant_time_comparisons()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ConstantTime.Equals([1, 2, 3], [1, 2, 3]), Is.True);
            Assert.That(ConstantTime.Equals([1, 2, 3], [1, 2, 4]), Is.False);
            Assert.That(ConstantTime.Equals([1, 2, 3], [1, 2]), Is.False);
            Assert.That(ConstantTime.EqualsAscii("abcdef", "abcdef"), Is.True);
            Assert.That(ConstantTime.EqualsAscii("abcdef", "ABCDEF"), Is.False);
            Assert.That(ConstantTime.EqualsAscii("abcdef", "ABCDEF", ignoreAsciiCase: true), Is.True);
            Assert.That(ConstantTime.EqualsAscii("abc", "abcd"), Is.False);
            Assert.That(ConstantTime.EqualsAscii(null, "abc"), Is.False);
            Assert.That(ConstantTime.EqualsAscii("[", "{", ignoreAsciiCase: true), Is.False);
        });
    }
}
