using System.Text;

namespace Lucairn.Tests.Verification.Strict;

/// <summary>
/// The reader's per-thread scratch lists: reused by the next parse, emptied after every parse
/// (also a refused one, so nothing of a document stays reachable), and dropped once they grew
/// past 4096 members or items or 64 open containers.
/// </summary>
public class StrictReaderScratchReuseTests
{
    private const int MaxKept = 4096;

    private const int MaxKeptFrames = 64;

    private static StrictJsonNode? Parse(string json, out string? problem) => StrictJsonReader.TryParse(Encoding.UTF8.GetBytes(json), out problem);

    private static string Object(int members) => "{" + string.Join(",", Enumerable.Range(0, members).Select(i => $"\"k{i}\":{i}")) + "}";

    private static string Array(int items) => "[" + string.Join(",", Enumerable.Repeat("1", items)) + "]";

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    [Test]
    public void The_same_scratch_serves_the_next_parse()
    {
        Assert.That(Parse("{\"a\":[1]}", out _), Is.Not.Null);
        ThreadScratch.ReaderScratch? first = ThreadScratch.Reader;
        Assert.That(first, Is.Not.Null, "a small parse keeps its scratch");

        Assert.That(Parse("[{\"b\":2}]", out _), Is.Not.Null);
        Assert.That(ThreadScratch.Reader?.Instance, Is.SameAs(first!.Instance));
    }

    [TestCase("{\"a\":1,\"b\":{\"c\":true,\"c\":1}}", "an object has the key 'c' twice.")]
    [TestCase("{\"a\":[1,2,[3,{\"d\":4}}", null)]
    [TestCase("[1,{\"k\":[2,3,\"x\"]},[4,", null)]
    public void A_refused_parse_leaves_nothing_behind(string json, string? problem)
    {
        Assert.That(Parse(json, out string? actual), Is.Null);
        if (problem is not null)
        {
            Assert.That(actual, Is.EqualTo(problem));
        }

        ThreadScratch.ReaderScratch? scratch = ThreadScratch.Reader;
        Assert.That(scratch, Is.Not.Null, "a small refused parse keeps its scratch");
        Assert.Multiple(() =>
        {
            Assert.That(scratch!.Members, Is.Empty);
            Assert.That(scratch.Items, Is.Empty);
            Assert.That(scratch.FramesAreDefault(), Is.True, "no open frame (key, key set) is kept");
        });
    }

    [Test]
    public void Members_up_to_the_limit_are_kept()
    {
        Assert.That(Parse(Object(MaxKept), out _)!.Members, Has.Count.EqualTo(MaxKept));
        Assert.That(ThreadScratch.Reader?.Members.Capacity, Is.EqualTo(MaxKept));
    }

    [Test]
    public void Members_above_the_limit_are_dropped()
    {
        Assert.That(Parse(Object(MaxKept + 1), out _)!.Members, Has.Count.EqualTo(MaxKept + 1));
        Assert.That(ThreadScratch.Reader, Is.Null);
        Assert.That(Parse("{}", out _), Is.Not.Null);
        Assert.That(ThreadScratch.Reader?.Members.Capacity, Is.LessThanOrEqualTo(MaxKept));
    }

    [Test]
    public void Items_up_to_the_limit_are_kept()
    {
        Assert.That(Parse(Array(MaxKept), out _)!.Items, Has.Count.EqualTo(MaxKept));
        Assert.That(ThreadScratch.Reader?.Items.Capacity, Is.EqualTo(MaxKept));
    }

    [Test]
    public void Items_above_the_limit_are_dropped()
    {
        Assert.That(Parse(Array(MaxKept + 1), out _)!.Items, Has.Count.EqualTo(MaxKept + 1));
        Assert.That(ThreadScratch.Reader, Is.Null);
    }

    [Test]
    public void Frames_up_to_the_limit_are_kept()
    {
        Assert.That(Parse(Nested(MaxKeptFrames), out _), Is.Not.Null);
        Assert.That(ThreadScratch.Reader?.Frames.Length, Is.EqualTo(MaxKeptFrames));
    }

    [Test]
    public void Frames_above_the_limit_are_dropped()
    {
        Assert.That(Parse(Nested(MaxKeptFrames + 1), out _), Is.Not.Null);
        Assert.That(ThreadScratch.Reader, Is.Null);
    }
}
