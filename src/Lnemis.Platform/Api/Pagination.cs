using Microsoft.EntityFrameworkCore;

namespace Lnemis.Platform.Api;

/// <summary>
/// A page of a list, with the total count so clients can show "1–20 of 1,234". On the registry's
/// national lists the count stops at <see cref="PaginationExtensions.CountLimit"/>: then
/// <see cref="TotalExact"/> is false and clients show "1,000+" (ADR 0009).
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total, bool TotalExact = true)
{
    /// <summary>Serialised as "page" (a record member cannot share its type's name).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("page")]
    public int PageNumber { get; init; } = PageNumber;

    /// <summary>The same page with its items turned into another shape (after a query that needed extra columns).</summary>
    public Page<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), PageNumber, PageSize, Total, TotalExact);
}

/// <summary>Page and page size from the query string (?page=1&amp;pageSize=20), bounded.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    public static PageRequest From(int? page, int? pageSize) =>
        new(page is null or < 1 ? 1 : page.Value, pageSize is null or < 1 ? 20 : Math.Min(pageSize.Value, MaxPageSize));

    public int Skip => (Page - 1) * PageSize;
}

/// <summary>A page beyond what a capped list serves (answered as 400 on the "page" parameter).</summary>
public sealed class PageOutOfRangeException(int limit)
    : Exception($"Lists page through the first {limit:N0} matches; narrow the filters or use the export for all of them.")
{
    public int Limit { get; } = limit;
}

public static class PaginationExtensions
{
    /// <summary>How far a capped list counts: beyond it the total says "1,000+".</summary>
    public const int CountLimit = 1_000;

    /// <summary>How deep a capped list pages (the export has no limit).</summary>
    public const int PageLimit = 10_000;

    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, PageRequest request, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip(request.Skip).Take(request.PageSize).ToListAsync(ct);
        return new Page<T>(items, request.Page, request.PageSize, total);
    }

    /// <summary>
    /// A page of a list that may match millions of rows: the count stops after
    /// <see cref="CountLimit"/> matches (counted on the unordered query, so no sort is needed),
    /// and pages end at <see cref="PageLimit"/>. With an index that serves the order, a page costs the same
    /// whether the filter matches fifty rows or five million.
    /// </summary>
    /// <remarks>
    /// A caller that already knows more than <see cref="CountLimit"/> rows match (a search index said so)
    /// passes <paramref name="knownOverLimit"/>, and the count is not run.
    /// </remarks>
    public static async Task<Page<T>> ToCappedPageAsync<TSource, T>(
        this IQueryable<TSource> filtered, Func<IQueryable<TSource>, IQueryable<T>> orderAndProject, PageRequest request, CancellationToken ct,
        bool knownOverLimit = false)
    {
        if (request.Skip + request.PageSize > PageLimit)
        {
            throw new PageOutOfRangeException(PageLimit);
        }

        var counted = knownOverLimit ? CountLimit + 1 : await filtered.Take(CountLimit + 1).CountAsync(ct);
        var items = request.Skip < counted || counted > CountLimit
            ? await orderAndProject(filtered).Skip(request.Skip).Take(request.PageSize).ToListAsync(ct)
            : [];
        return Capped(items, request, counted);
    }

    /// <summary>The page of a capped list that counted <paramref name="counted"/> matches (at most <see cref="CountLimit"/> + 1): beyond the cap the total says "1,000+".</summary>
    public static Page<T> Capped<T>(IReadOnlyList<T> items, PageRequest request, int counted) =>
        counted > CountLimit
            ? new Page<T>(items, request.Page, request.PageSize, CountLimit, TotalExact: false)
            : new Page<T>(items, request.Page, request.PageSize, counted);
}
