using Lnemis.Testing;

namespace Lnemis.Server.Tests;

/// <summary>A test about the embedded default (always SQLite): run once, in the SQLite run of the suite.</summary>
public sealed class SqliteRunFactAttribute : FactAttribute
{
    public SqliteRunFactAttribute()
    {
        if (TestDatabase.Kind == "postgres")
        {
            Skip = "About the embedded SQLite default; runs in the SQLite run.";
        }
    }
}
