using System.Runtime.CompilerServices;

namespace Attesto.Http;

/// <summary>Walks limit/offset pages until the first page shorter than the page size.</summary>
internal static class Paging
{
    /// <summary>The largest page size accepted.</summary>
    internal const int MaxPageSize = 1000;

    /// <summary>Checks a page size or limit.</summary>
    internal static void CheckPageSize(int pageSize, string paramName)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new AttestoValidationException($"{paramName} must be between 1 and {MaxPageSize}; got {pageSize}.", paramName);
        }
    }

    /// <summary>Checks an offset.</summary>
    internal static void CheckOffset(int offset)
    {
        if (offset < 0)
        {
            throw new AttestoValidationException($"offset must not be negative; got {offset}.", "offset");
        }
    }

    /// <summary>Yields every item of every page; one request when the first page is short.</summary>
    internal static async IAsyncEnumerable<T> IterateAsync<T>(
        string operation,
        Func<int, int, CancellationToken, Task<Page<T>>> fetchPage,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CheckPageSize(pageSize, nameof(pageSize));
        int offset = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Page<T> page = await fetchPage(pageSize, offset, cancellationToken).ConfigureAwait(false);
            if (page.Items.Count > pageSize)
            {
                throw new AttestoException($"{operation}: the service returned {page.Items.Count} items for a page of {pageSize}; refusing to page further.");
            }

            foreach (T item in page.Items)
            {
                yield return item;
            }

            if (page.Items.Count < pageSize)
            {
                yield break;
            }

            offset = checked(offset + pageSize);
        }
    }
}
