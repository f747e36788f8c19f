namespace Lucairn.Tests.Support;

/// <summary>Waits (briefly, in real time) for background continuations after a fake clock moved.</summary>
internal static class Eventually
{
    internal static async Task True(Func<bool> condition, string what)
    {
        for (int i = 0; i < 2000 && !condition(); i++)
        {
            await Task.Delay(1);
        }

        Assert.That(condition(), Is.True, what);
    }
}
