using System.Reflection;
using Newtonsoft.Json.Linq;

namespace TestSupport;

/// <summary>
/// The rules the three vendor packages share (issue 13, "one family"), checked by reflection over
/// one package's public surface. Each method returns the violations as readable lines, so a
/// package's convention test asserts the list is empty and a failure names every offender.
/// </summary>
internal static class FamilyConventions
{
    private const string DependencyInjectionNamespace = "Microsoft.Extensions.DependencyInjection";

    /// <summary>The subclasses of <c>&lt;Vendor&gt;ApiException</c> every package has, by suffix.</summary>
    internal static readonly string[] ApiExceptionKinds =
        ["BadRequest", "Authentication", "Forbidden", "NotFound", "RateLimit", "Server", "Timeout", "Connection"];

    private static readonly (string Name, Type Type)[] ApiExceptionProperties =
    [
        ("Status", typeof(int?)),
        ("ErrorCode", typeof(string)),
        ("RequestId", typeof(string)),
        ("RetryAfter", typeof(TimeSpan?)),
        ("ResponseBody", typeof(string)),
        ("ResponseJson", typeof(JToken)),
    ];

    private static readonly Type[] MutableCollections =
    [
        typeof(List<>), typeof(IList<>), typeof(ICollection<>), typeof(IDictionary<,>), typeof(Dictionary<,>),
        typeof(ISet<>), typeof(HashSet<>),
    ];

    /// <summary><c>&lt;Vendor&gt;ClientOptions</c> exists and has a settable <see cref="Uri"/> <c>BaseUrl</c>.</summary>
    internal static List<string> OptionsViolations(Assembly package, string vendor)
    {
        var violations = new List<string>();
        Type? options = package.GetType($"{vendor}.{vendor}ClientOptions");
        if (options is null || !options.IsPublic)
        {
            violations.Add($"no public options type {vendor}.{vendor}ClientOptions");
            return violations;
        }

        PropertyInfo? baseUrl = options.GetProperty("BaseUrl");
        if (baseUrl is null || baseUrl.PropertyType != typeof(Uri) || baseUrl.SetMethod is not { IsPublic: true })
        {
            violations.Add($"{options.Name}.BaseUrl must be a public settable Uri");
        }

        return violations;
    }

    /// <summary>The client has exactly the family's three public constructors.</summary>
    internal static List<string> ConstructorViolations(Type client, Type options)
    {
        var expected = new[]
        {
            new[] { typeof(string) },
            new[] { options },
            new[] { options, typeof(HttpClient) },
        };
        var actual = client.GetConstructors().Select(c => c.GetParameters().Select(p => p.ParameterType).ToArray()).ToList();
        var violations = new List<string>();
        foreach (Type[] signature in expected)
        {
            if (!actual.Any(a => a.SequenceEqual(signature)))
            {
                violations.Add($"{client.Name} lacks the constructor ({string.Join(", ", signature.Select(t => t.Name))})");
            }
        }

        foreach (Type[] extra in actual.Where(a => !expected.Any(e => e.SequenceEqual(a))))
        {
            violations.Add($"{client.Name} has an extra public constructor ({string.Join(", ", extra.Select(t => t.Name))})");
        }

        return violations;
    }

    /// <summary>
    /// The error contract: <c>&lt;Vendor&gt;Exception</c>, <c>&lt;Vendor&gt;ValidationException</c> with
    /// <c>ParamName</c>, <c>&lt;Vendor&gt;ApiException</c> with the six properties, and the eight subclasses.
    /// </summary>
    internal static List<string> ExceptionViolations(Assembly package, string vendor)
    {
        var violations = new List<string>();
        Type? root = package.GetType($"{vendor}.{vendor}Exception");
        Type? validation = package.GetType($"{vendor}.{vendor}ValidationException");
        Type? api = package.GetType($"{vendor}.{vendor}ApiException");
        if (root is null || !typeof(Exception).IsAssignableFrom(root))
        {
            violations.Add($"no {vendor}.{vendor}Exception");
            return violations;
        }

        if (validation is null || !root.IsAssignableFrom(validation) || validation.GetProperty("ParamName")?.PropertyType != typeof(string))
        {
            violations.Add($"{vendor}ValidationException must derive from {root.Name} and expose string ParamName");
        }

        if (api is null || !root.IsAssignableFrom(api))
        {
            violations.Add($"no {vendor}ApiException deriving from {root.Name}");
            return violations;
        }

        foreach ((string name, Type type) in ApiExceptionProperties)
        {
            if (api.GetProperty(name)?.PropertyType != type)
            {
                violations.Add($"{api.Name}.{name} must be a {type.Name} property");
            }
        }

        foreach (string kind in ApiExceptionKinds)
        {
            Type? sub = package.GetType($"{vendor}.{vendor}{kind}Exception");
            if (sub is null || !api.IsAssignableFrom(sub))
            {
                violations.Add($"no {vendor}{kind}Exception deriving from {api.Name}");
            }
        }

        return violations;
    }

    /// <summary>
    /// Every public type is in <c>&lt;Vendor&gt;</c>, <c>&lt;Vendor&gt;.Http</c>, <c>&lt;Vendor&gt;.Testing</c>
    /// or an extra allowed namespace; the DI extension classes (and only they) are in
    /// Microsoft.Extensions.DependencyInjection.
    /// </summary>
    internal static List<string> NamespaceViolations(Assembly package, string vendor, params string[] alsoAllowed)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal) { vendor, $"{vendor}.Http", $"{vendor}.Testing" };
        allowed.UnionWith(alsoAllowed);
        var violations = new List<string>();
        foreach (Type type in package.GetExportedTypes())
        {
            bool extendsServices = IsServiceCollectionExtension(type);
            if (type.Namespace == DependencyInjectionNamespace)
            {
                if (!extendsServices)
                {
                    violations.Add($"{type.FullName} is in {DependencyInjectionNamespace} but extends no IServiceCollection");
                }
            }
            else if (extendsServices)
            {
                violations.Add($"{type.FullName} extends IServiceCollection but is not in {DependencyInjectionNamespace}");
            }
            else if (type.Namespace is null || !allowed.Contains(type.Namespace))
            {
                violations.Add($"{type.FullName} is outside the namespaces {string.Join(", ", allowed.Order(StringComparer.Ordinal))}");
            }
        }

        return violations;
    }

    /// <summary>
    /// The output models: every class or record of the package reachable from the return types of
    /// the clients' public methods (through <see cref="Task{TResult}"/>, <see cref="IAsyncEnumerable{T}"/>,
    /// generic arguments and public properties; an abstract model brings its public subclasses),
    /// excluding exceptions, enums and the clients.
    /// </summary>
    internal static IReadOnlyCollection<Type> OutputModels(Assembly package, params Type[] clients)
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(clients
            .SelectMany(c => c.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => m.ReturnType));
        while (pending.TryPop(out Type? type))
        {
            if (type.IsArray)
            {
                pending.Push(type.GetElementType()!);
                continue;
            }

            if (type.IsGenericType)
            {
                foreach (Type argument in type.GetGenericArguments())
                {
                    pending.Push(argument);
                }

                type = type.GetGenericTypeDefinition();
            }

            if (type.IsGenericParameter || type.Assembly != package || !type.IsClass || type.IsAbstract && type.IsSealed
                || typeof(Exception).IsAssignableFrom(type) || clients.Contains(type) || !found.Add(type))
            {
                continue;
            }

            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                pending.Push(property.PropertyType);
            }

            if (type.IsAbstract)
            {
                foreach (Type subclass in package.GetExportedTypes().Where(t => t != type && type.IsAssignableFrom(t)))
                {
                    pending.Push(subclass);
                }
            }
        }

        return found;
    }

    /// <summary>No public non-init setter and no mutable collection or JSON container property on the output models.</summary>
    internal static List<string> MutableOutputViolations(IEnumerable<Type> outputModels)
    {
        var violations = new List<string>();
        foreach (Type model in outputModels)
        {
            foreach (PropertyInfo property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
                {
                    violations.Add($"{model.Name}.{property.Name} has a public setter");
                }

                Type type = property.PropertyType;
                Type definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
                if (type.IsArray || MutableCollections.Contains(definition) || typeof(JContainer).IsAssignableFrom(type))
                {
                    violations.Add($"{model.Name}.{property.Name} is a mutable {type.Name}");
                }
            }
        }

        return violations;
    }

    /// <summary>
    /// Every output model is built by some public static method of the model factory; an abstract
    /// model counts as built when the factory builds one of its subclasses.
    /// </summary>
    internal static List<string> ModelFactoryViolations(Type modelFactory, IEnumerable<Type> outputModels)
    {
        var built = modelFactory.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.ReturnType.IsGenericType ? m.ReturnType.GetGenericTypeDefinition() : m.ReturnType)
            .ToHashSet();
        return outputModels.Where(m => !built.Contains(m) && !(m.IsAbstract && built.Any(m.IsAssignableFrom))).Select(m => $"{modelFactory.Name} cannot build {m.Name}").ToList();
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static bool IsServiceCollectionExtension(Type type) =>
        type.IsAbstract && type.IsSealed && type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Any(m => m.GetParameters() is [{ ParameterType.Name: "IServiceCollection" or "IHttpClientBuilder" }, ..]);
}
