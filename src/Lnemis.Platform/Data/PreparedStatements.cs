using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lnemis.Platform.Data;

/// <summary>
/// Statements chosen one by one to run prepared on PostgreSQL (ADR 0035): a statement whose first line
/// is <see cref="Marker"/> (raw SQL that begins with it, or a LINQ query tagged <c>TagWith("prepared")</c>)
/// is prepared on its connection before it runs. Npgsql keeps a
/// prepared statement on the physical connection across the pool's returns, so each pooled
/// connection parses it once; PostgreSQL plans it for its values for the first five runs and may then
/// keep a generic plan. Only statements whose generic plan was checked are marked: a connection-wide
/// switch (Npgsql's automatic preparation) lost plans that depend on the values (a prefix <c>LIKE</c>,
/// the scope filter's folded conditions).
/// </summary>
public static class PreparedStatements
{
    /// <summary>The first line of a statement to prepare (an SQL comment, which PostgreSQL ignores).</summary>
    public const string Marker = "-- prepared\n";

    /// <summary>Prepares marked statements; registered on PostgreSQL only.</summary>
    internal sealed class Interceptor : DbCommandInterceptor
    {
        public static readonly Interceptor Instance = new();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            if (IsMarked(command))
            {
                command.Prepare();
            }

            return result;
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (IsMarked(command))
            {
                await command.PrepareAsync(cancellationToken);
            }

            return result;
        }

        private static bool IsMarked(DbCommand command) =>
            command.CommandText.StartsWith(Marker, StringComparison.Ordinal) || command.CommandText.StartsWith("-- prepared\r\n", StringComparison.Ordinal);
    }
}
