using System.Reflection;
using Lucairn;
using Moq;

namespace Lucairn.Tests.Client;

/// <summary>Shape rules of the public API: async naming, cancellation, mockability, no leaked Refit types.</summary>
public class ConventionTests
{
    private static readonly Type[] PublicTypes = typeof(LucairnClient).Assembly.GetExportedTypes();

    private static IEnumerable<MethodInfo> PublicAsyncMethods() =>
        PublicTypes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType) && !m.IsSpecialName && m.Name != nameof(IAsyncDisposable.DisposeAsync));

    [Test]
    public void async_methods_end_in_async_and_take_a_defaulted_cancellation_token_last()
    {
        foreach (MethodInfo method in PublicAsyncMethods())
        {
            ParameterInfo last = method.GetParameters()[^1];
            Assert.Multiple(() =>
            {
                Assert.That(method.Name, Does.EndWith("Async"), method.ToString());
                Assert.That(last.ParameterType, Is.EqualTo(typeof(CancellationToken)), method.ToString());
                Assert.That(last.HasDefaultValue, Is.True, method.ToString());
            });
        }
    }

    [Test]
    public void client_is_mockable()
    {
        Assert.That(typeof(LucairnClient).IsSealed, Is.False);
        Assert.That(typeof(LucairnClient).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)!.IsFamily, Is.True);
        foreach (MethodInfo method in PublicAsyncMethods().Where(m => m.DeclaringType == typeof(LucairnClient)))
        {
            Assert.That(method.IsVirtual, Is.True, method.Name);
        }
    }

    [Test]
    public async Task moq_can_stand_in_for_the_client()
    {
        var mock = new Mock<LucairnClient>();
        mock.Setup(c => c.GetCertificateSummaryAsync("req_1", null, It.IsAny<CancellationToken>())).ReturnsAsync("<p>mocked</p>");
        Assert.That(await mock.Object.GetCertificateSummaryAsync("req_1"), Is.EqualTo("<p>mocked</p>"));
    }

    [Test]
    public async Task unmocked_member_of_a_mocking_instance_explains_itself()
    {
        var mock = new Mock<LucairnClient> { CallBase = true };
        var error = await Support.Expect.Throws<InvalidOperationException>(() => mock.Object.ListAuditEventsAsync());
        Assert.That(error.Message, Does.Contain("parameterless constructor"));
    }

    [Test]
    public void no_public_member_exposes_refit_types()
    {
        var leaks = PublicTypes
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .OfType<MethodInfo>()
            .Where(m => m.ReturnType.Namespace == "Refit" || m.GetParameters().Any(p => p.ParameterType.Namespace == "Refit"))
            .Select(m => m.DeclaringType!.Name + "." + m.Name);
        Assert.That(leaks, Is.Empty);
    }
}
