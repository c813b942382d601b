using System.Diagnostics;
using System.Globalization;

namespace Lnemis.Platform.Data;

/// <summary>How much fictional data `Lnemis.Server seed` loads.</summary>
public enum SeedScale
{
    /// <summary>A few districts: for tests and demos (seconds, SQLite or PostgreSQL).</summary>
    Small,

    /// <summary>A district's worth, the size the embedded SQLite default is for.</summary>
    District,

    /// <summary>A whole country: 20,000 institutions, 5,000,000 learners (PostgreSQL).</summary>
    National,
}

/// <summary>The sizes of one scale. Every count is a target the generator meets exactly or nearly (it rounds per area).</summary>
public sealed record SeedProfile(
    SeedScale Scale,
    int Counties,
    int DistrictsPerCounty,
    int Institutions,
    int Learners,
    int Cases)
{
    public static SeedProfile For(SeedScale scale) => scale switch
    {
        SeedScale.Small => new(scale, Counties: 2, DistrictsPerCounty: 2, Institutions: 40, Learners: 4_000, Cases: 300),
        SeedScale.District => new(scale, Counties: 1, DistrictsPerCounty: 3, Institutions: 300, Learners: 100_000, Cases: 10_000),
        SeedScale.National => new(scale, Counties: 47, DistrictsPerCounty: 6, Institutions: 20_000, Learners: 5_000_000, Cases: 1_000_000),
        _ => throw new ArgumentOutOfRangeException(nameof(scale)),
    };

    public static bool TryParse(string? text, out SeedScale scale) =>
        Enum.TryParse(text, ignoreCase: true, out scale) && Enum.IsDefined(scale);
}

/// <summary>A module's part of the generated country. Contributors run in <see cref="Order"/>, each on an empty module.</summary>
public interface ISeedContributor
{
    /// <summary>Lower runs first (the registry before the modules that refer to its places).</summary>
    int Order { get; }

    string Name { get; }

    /// <summary>Refuses (with a reason) when the module already holds data: seeding never mixes with real records.</summary>
    Task<string?> RefusalAsync(SeedContext context, CancellationToken ct);

    Task SeedAsync(SeedContext context, CancellationToken ct);
}

/// <summary>
/// What a seed run shares: the profile, the random seed (the same seed gives the same country),
/// the fixed "today" the data is dated from, and the load report (rows and rows/s per table).
/// </summary>
public sealed class SeedContext(IServiceProvider services, SeedProfile profile, int seed, DateOnly today, TextWriter log)
{
    private readonly List<SeedLoad> loads = [];

    /// <summary>The seed run's scope: the database context and the modules' services.</summary>
    public IServiceProvider Services { get; } = services;

    public SeedProfile Profile { get; } = profile;
    public int Seed { get; } = seed;
    public DateOnly Today { get; } = today;
    public TextWriter Log { get; } = log;

    /// <summary>What one module leaves for the next (for example the generated areas), by key.</summary>
    public IDictionary<string, object> Shared { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    public IReadOnlyList<SeedLoad> Loads => loads;

    /// <summary>A random stream of its own per purpose, so adding data of one kind does not change another's.</summary>
    public Random RandomFor(string purpose)
    {
        var hash = 17;
        foreach (var c in purpose)
        {
            hash = unchecked((hash * 31) + c);
        }

        return new Random(unchecked((Seed * 486_187_739) + hash));
    }

    /// <summary>A deterministic id (version 7 layout, so ids sort by the order they were made, as the app's own do).</summary>
    public static Guid IdFrom(Random random, long sequence)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var ms = 1_700_000_000_000L + sequence;
        bytes[0] = (byte)(ms >> 40);
        bytes[1] = (byte)(ms >> 32);
        bytes[2] = (byte)(ms >> 24);
        bytes[3] = (byte)(ms >> 16);
        bytes[4] = (byte)(ms >> 8);
        bytes[5] = (byte)ms;
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>
    /// Shares <paramref name="total"/> out in proportion to <paramref name="weights"/> so the parts add up
    /// to it exactly (largest remainders get the rest). Arithmetic is in 64 bits: weight × total
    /// overflows an int at national scale (800 × 5,000,000).
    /// </summary>
    public static int[] Apportion(IReadOnlyList<int> weights, int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        var sum = weights.Sum(w => (long)Math.Max(0, w));
        var parts = new int[weights.Count];
        if (sum == 0)
        {
            return parts;
        }

        var remainders = new (long Remainder, int Index)[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var share = (long)Math.Max(0, weights[i]) * total;
            parts[i] = (int)(share / sum);
            remainders[i] = (share % sum, i);
            given += parts[i];
        }

        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take((int)(total - given)))
        {
            parts[index]++;
        }

        return parts;
    }

    /// <summary>Times a load and records its rows; prints progress lines for long ones.</summary>
    public SeedTimer Start(string table, long expected) => new(this, table, expected);

    internal void Record(SeedLoad load)
    {
        loads.Add(load);
        Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {load.Table,-28} {load.Rows,12:N0} rows  {load.Elapsed.TotalSeconds,8:F1} s  {load.RowsPerSecond,10:N0} rows/s"));
    }

    public sealed class SeedTimer(SeedContext context, string table, long expected)
    {
        private readonly Stopwatch watch = Stopwatch.StartNew();
        private long rows;
        private long lastReported;

        public void Add(long count)
        {
            rows += count;
            if (expected >= 200_000 && rows - lastReported >= expected / 10)
            {
                lastReported = rows;
                context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table}: {rows:N0} / {expected:N0} ({rows / Math.Max(watch.Elapsed.TotalSeconds, 0.001):N0} rows/s)"));
            }
        }

        public void Done() => context.Record(new SeedLoad(table, rows, watch.Elapsed));
    }
}

/// <summary>One table's load in a seed run.</summary>
public sealed record SeedLoad(string Table, long Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 0.001);
}

/// <summary>
/// Lets a module's seeder create users who can sign in (Identity owns users): a user with one role
/// granted at a scope. Returns the new user's id.
/// </summary>
public interface ISeedUsers
{
    Task<Guid> CreateAsync(string email, string displayName, string password, string role, Access.ScopeKind kind, Guid? scopeId, string scopePath, string scopeName, CancellationToken ct);
}
