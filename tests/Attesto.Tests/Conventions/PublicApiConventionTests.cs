using System.Reflection;

namespace Attesto.Tests.Conventions;

public class PublicApiConventionTests
{
    private static IEnumerable<MethodInfo> PublicAsyncMethods() =>
        typeof(AttestoClient).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && typeof(Task).IsAssignableFrom(m.ReturnType) || m.ReturnType.Name.StartsWith("IAsyncEnumerable", StringComparison.Ordinal));

    [Test]
    public void Every_public_awaitable_ends_in_Async_and_takes_a_defaulted_cancellation_token_last()
    {
        var offenders = new List<string>();
        foreach (MethodInfo method in PublicAsyncMethods())
        {
            ParameterInfo? last = method.GetParameters().LastOrDefault();
            if (!method.Name.EndsWith("Async", StringComparison.Ordinal)
                || last is null || last.ParameterType != typeof(CancellationToken) || !last.HasDefaultValue)
            {
                offenders.Add($"{method.DeclaringType!.FullName}.{method.Name}");
            }
        }

        Assert.That(offenders, Is.Empty);
        Assert.That(PublicAsyncMethods().Count(), Is.GreaterThan(5));
    }

    [Test]
    public void No_public_signature_exposes_refit_or_polly_types()
    {
        var offenders = new List<string>();
        foreach (Type type in typeof(AttestoClient).Assembly.GetExportedTypes())
        {
            foreach (MemberInfo member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                IEnumerable<Type> types = member switch
                {
                    MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
                    PropertyInfo p => [p.PropertyType],
                    FieldInfo f => [f.FieldType],
                    _ => [],
                };
                if (types.Any(t => t.Namespace?.StartsWith("Refit", StringComparison.Ordinal) == true || t.Namespace?.StartsWith("Polly", StringComparison.Ordinal) == true))
                {
                    offenders.Add($"{type.FullName}.{member.Name}");
                }
            }
        }

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Every_exception_derives_from_AttestoException()
    {
        Type[] exceptions = typeof(AttestoClient).Assembly.GetExportedTypes().Where(t => typeof(Exception).IsAssignableFrom(t)).ToArray();
        Assert.That(exceptions, Has.All.Matches<Type>(t => t != null && typeof(AttestoException).IsAssignableFrom(t)));
        Assert.That(exceptions, Has.Length.GreaterThanOrEqualTo(8));
    }

    [Test]
    public void Client_methods_are_virtual_for_mocking()
    {
        MethodInfo[] methods = typeof(AttestoClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).ToArray();
        Assert.That(methods, Has.Length.EqualTo(5));
        Assert.That(methods, Has.All.Matches<MethodInfo>(m => m != null && m.IsVirtual));
        Assert.That(typeof(AttestoClient).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)!.IsFamily, Is.True);
    }
}
