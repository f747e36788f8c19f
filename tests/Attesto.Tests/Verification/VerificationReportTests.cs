namespace Attesto.Tests.Verification;

public class VerificationReportTests
{
    [Test]
    public void Null_problems_are_an_argument_error() =>
        Assert.That(() => new VerificationReport(null!), Throws.TypeOf<AttestoValidationException>().With.Property("ParamName").EqualTo("problems"));

    [Test]
    public void The_summary_is_ok_or_the_problems_joined()
    {
        Assert.That(new VerificationReport([]).ToString(), Is.EqualTo("ok"));
        Assert.That(new VerificationReport(["first", "second"]).ToString(), Is.EqualTo("failed: first; second"));
    }
}
