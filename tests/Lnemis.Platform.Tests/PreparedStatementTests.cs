using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

#pragma warning disable EF1002, EF1003 // The statements are constants of the test and a fresh marker; every value is a parameter.

namespace Lnemis.Platform.Tests;

/// <summary>
/// A statement marked <see cref="PreparedStatements.Marker"/> is prepared on its connection on PostgreSQL
/// (and stays prepared for the next use of the pooled connection); an unmarked one is not; on SQLite the
/// marker is a comment and changes nothing.
/// </summary>
public sealed class PreparedStatementTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    [Fact]
    public async Task MarkedStatements_ArePrepared_OnPostgres_AndAnswerAlikeEverywhere()
    {
        var marker = Guid.NewGuid().ToString("N");
        var (marked, plain, prepared, provider) = await factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                // As sent: a LINQ operator after SqlQueryRaw (Single, Take) would wrap the statement and bury the marker.
                var marked = Assert.Single(await db.Database.SqlQueryRaw<int>(PreparedStatements.Marker + $"SELECT 41 + {{0}} AS \"Value\" -- {marker}", 1).ToListAsync());
                var again = Assert.Single(await db.Database.SqlQueryRaw<int>(PreparedStatements.Marker + $"SELECT 41 + {{0}} AS \"Value\" -- {marker}", 2).ToListAsync());
                Assert.Equal(43, again);
                var plain = Assert.Single(await db.Database.SqlQueryRaw<int>($"SELECT 40 + {{0}} AS \"Value\" -- {marker}", 2).ToListAsync());
                var prepared = db.Provider == DatabaseProvider.Postgres
                    ? await db.Database.SqlQueryRaw<string>(
                        "SELECT statement AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE {0} AND statement NOT LIKE '%pg_prepared_statements%'",
                        $"%{marker}%").ToListAsync()
                    : [];
                return (marked, plain, prepared, db.Provider);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.Equal((42, 42), (marked, plain));
        if (provider == DatabaseProvider.Postgres)
        {
            // One statement, prepared once and used twice; the unmarked one ran unprepared.
            var statement = Assert.Single(prepared);
            Assert.StartsWith(PreparedStatements.Marker, statement, StringComparison.Ordinal);
        }
    }
}
