using Microsoft.EntityFrameworkCore;

namespace Lnemis.Platform.Api;

/// <summary>A page of a list, with the total count so clients can show "1–20 of 1,234".</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    /// <summary>Serialised as "page" (a record member cannot share its type's name).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("page")]
    public int PageNumber { get; init; } = PageNumber;

    /// <summary>The same page with its items turned into another shape (after a query that needed extra columns).</summary>
    public Page<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), PageNumber, PageSize, Total);
}

/// <summary>Page and page size from the query string (?page=1&amp;pageSize=20), bounded.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    public static PageRequest From(int? page, int? pageSize) =>
        new(page is null or < 1 ? 1 : page.Value, pageSize is null or < 1 ? 20 : Math.Min(pageSize.Value, MaxPageSize));

    public int Skip => (Page - 1) * PageSize;
}

public static class PaginationExtensions
{
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, PageRequest request, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip(request.Skip).Take(request.PageSize).ToListAsync(ct);
        return new Page<T>(items, request.Page, request.PageSize, total);
    }
}
