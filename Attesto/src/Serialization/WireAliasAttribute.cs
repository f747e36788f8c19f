namespace Attesto;

/// <summary>Extra JSON names a wire property is read from (never written).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class WireAliasAttribute : Attribute
{
    internal WireAliasAttribute(params string[] names)
    {
        Names = names;
    }

    internal IReadOnlyList<string> Names { get; }
}
