using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Institutions.Features.Imports;

/// <summary>
/// Hourly in the worker: drops the learner rows dry runs kept for an apply that will not take them up
/// (the batch applied, failed, sent back to mapping or gone, or validated more than two days ago, whose
/// apply then reads the file again). PostgreSQL only; see <see cref="LearnerStaging"/>.
/// </summary>
internal sealed class SweepKeptImportRows(TimeProvider clock) : IRecurringTask
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(2);

    public string Name => "import-kept-rows-sweep";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LnemisDbContext>();
        await LearnerStaging.SweepKeptTables(db, clock.GetUtcNow(), KeptFor, ct);
    }
}
