using System.Reflection;

namespace Shared.Crypto.Tests;

/// <summary>Convention checks over the public surface of Shared.Crypto.</summary>
public class PublicApiConventionTests
{
    private static readonly Assembly Library = typeof(CanonicalJson).Assembly;

    [Test]
    public void No_bouncycastle_type_appears_in_the_public_api()
    {
        var leaks = new List<string>();
        foreach (Type type in Library.GetExportedTypes())
        {
            foreach (MemberInfo member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                foreach (Type used in TypesIn(member))
                {
                    if (used.Assembly.GetName().Name == "BouncyCastle.Cryptography")
                    {
                        leaks.Add($"{type.Name}.{member.Name} uses {used.FullName}");
                    }
                }
            }
        }

        Assert.That(leaks, Is.Empty);
    }

    [Test]
    public void Every_exception_derives_from_CryptoException()
    {
        var exceptions = Library.GetExportedTypes().Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();

        Assert.That(exceptions, Is.Not.Empty);
        Assert.That(exceptions, Is.All.Matches<Type>(t => typeof(CryptoException).IsAssignableFrom(t)));
    }

    private static IEnumerable<Type> TypesIn(MemberInfo member)
    {
        IEnumerable<Type> Unwrap(Type t) =>
            t.HasElementType ? Unwrap(t.GetElementType()!)
            : t.IsGenericType ? t.GetGenericArguments().SelectMany(Unwrap).Append(t)
            : [t];

        return member switch
        {
            MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType).SelectMany(Unwrap),
            ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType).SelectMany(Unwrap),
            PropertyInfo p => Unwrap(p.PropertyType),
            FieldInfo f => Unwrap(f.FieldType),
            _ => [],
        };
    }
}
