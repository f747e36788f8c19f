namespace Shared.Crypto.Tests.Canonical;

/// <summary>Failures of the text source and the argument checks of <see cref="CanonicalJson.Parse(string, CanonicalJsonOptions)"/>.</summary>
public class CanonicalJsonReaderFailureTests
{
    private static IEnumerable<Exception> SourceFailures()
    {
        yield return new InvalidOperationException("source closed");
        yield return new ArgumentException("source closed");
        yield return new FormatException("source closed");
        yield return new OverflowException("source closed");
    }

    [TestCaseSource(nameof(SourceFailures))]
    public void A_failing_text_source_becomes_a_canonical_json_error(Exception failure)
    {
        using var reader = new FailingReader(failure);
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse(reader, CanonicalJsonOptions.Default));
        Assert.That(ex!.Message, Is.EqualTo("JSON text is not acceptable: source closed"));
        Assert.That(ex.Path, Is.EqualTo("$"));
        Assert.That(ex.InnerException, Is.SameAs(failure));
    }

    [Test]
    public void Null_text_with_null_options_is_an_argument_error_about_the_options()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => CanonicalJson.Parse((string)null!, null!));
        Assert.That(ex!.ParamName, Is.EqualTo("options"));
    }

    private sealed class FailingReader(Exception failure) : TextReader
    {
        public override int Peek() => throw failure;

        public override int Read() => throw failure;

        public override int Read(char[] buffer, int index, int count) => throw failure;

        public override int Read(Span<char> buffer) => throw failure;
    }
}
