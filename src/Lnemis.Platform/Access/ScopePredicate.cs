using System.Linq.Expressions;

namespace Lnemis.Platform.Access;

/// <summary>
/// Builds "path starts with one of these prefixes" as plain ORs. A caller holds few grants, and
/// unlike a lookup in a parameter collection this translates inside subqueries on every database.
/// </summary>
public static class ScopePredicate
{
    public static Expression<Func<T, bool>> StartsWithAny<T>(Expression<Func<T, string>> path, IReadOnlyCollection<string> prefixes)
    {
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression body = Expression.Constant(false);
        foreach (var prefix in prefixes)
        {
            // A closure member (not a constant) so EF sends the prefix as a parameter.
            var holder = Expression.Property(Expression.Constant(new Holder(prefix)), nameof(Holder.Value));
            body = Expression.OrElse(body, Expression.Call(path.Body, startsWith, holder));
        }

        return Expression.Lambda<Func<T, bool>>(body, path.Parameters);
    }

    private sealed record Holder(string Value);
}
