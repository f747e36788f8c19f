namespace Shared.Crypto.Tests.Bulk;

public class BulkResultTests
{
    [Test]
    public void A_verified_document_describes_itself_as_ok()
    {
        var result = new BulkResult<int>(3, 42, null, TimeSpan.FromMilliseconds(1));

        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.ToString(), Is.EqualTo("#3: ok"));
    }

    [Test]
    public void A_failed_document_names_the_exception_type_and_message()
    {
        var result = new BulkResult<int>(7, default, new FormatException("bad digit"), TimeSpan.FromMilliseconds(1));

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.ToString(), Is.EqualTo("#7: failed (FormatException: bad digit)"));
    }
}
