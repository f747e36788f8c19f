namespace Lucairn.Tests.Verification.Chain;

/// <summary>The RFC 6901 pointers of a verified claim's values and their byte budget.</summary>
public class ChainPointersTests
{
    [Test]
    public void KeysAreEscapedTildeFirst()
    {
        StrictJsonNode root = ChainJson.Node("{'a~b':'1','c/d':'2','~/':'3','~1':'4','e':'5','n':[7,1.5,null,true]}");
        Assert.That(ChainPointers.Flatten(root).Keys, Is.EqualTo(new[] { "/a~0b", "/c~1d", "/e", "/n/0", "/n/3", "/~01", "/~0~1" }));
    }

    [Test]
    public void CountBytesMatchesTheFlattenedPointers()
    {
        StrictJsonNode root = ChainJson.Node("{'a~b':'1','c/d':'2','~/':'3','e':5,'f':1.5}");
        long expected = ChainPointers.Flatten(root).Keys.Sum(k => (long)k.Length);
        Assert.That(ChainPointers.CountBytes(root, long.MaxValue), Is.EqualTo(expected).And.EqualTo(5 + 5 + 5 + 2));
    }

    [Test]
    public void CountBytesGoesOnWhileTheTotalEqualsTheBudget() =>
        Assert.That(ChainPointers.CountBytes(ChainJson.Node("{'a':'x','b':'y'}"), 2), Is.EqualTo(4));

    [Test]
    public void CountBytesStopsOncePastTheBudget() =>
        Assert.That(ChainPointers.CountBytes(ChainJson.Node("{'a':'x','b':'y','c':'z'}"), 1), Is.EqualTo(2));
}
