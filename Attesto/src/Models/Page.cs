using Newtonsoft.Json;

namespace Attesto;

/// <summary>One page of a limit/offset listing. The service may send a bare array or an object with <c>items</c> (also <c>data</c> or <c>results</c>).</summary>
/// <typeparam name="T">The item type.</typeparam>
[JsonConverter(typeof(PageConverter))]
public sealed class Page<T>
{
    /// <summary>The items of this page, in service order.</summary>
    public IReadOnlyList<T> Items { get; init; } = [];

    /// <summary>The total number of items, when the service states it.</summary>
    public long? Total { get; init; }
}
