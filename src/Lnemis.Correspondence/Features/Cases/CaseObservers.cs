using Lnemis.Correspondence.Domain;
using Lnemis.Platform.Data;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>
/// Sees every entry appended to a case's history (the case already changed, the entry added to
/// the context) before the transaction that appends it is saved. What must stay in step with
/// the cases — the search index, the reporting read model, notifications — hangs here, so it is
/// written in the same transaction and never lags or races a sweeper.
/// </summary>
internal interface ICaseObserver
{
    Task OnAppendedAsync(LnemisDbContext db, Case c, CaseTransition entry, CancellationToken ct);
}

/// <summary>Calls every registered <see cref="ICaseObserver"/> in registration order.</summary>
internal sealed class CaseObservers(IEnumerable<ICaseObserver> observers)
{
    public async Task AppendedAsync(LnemisDbContext db, Case c, CaseTransition entry, CancellationToken ct)
    {
        foreach (var observer in observers)
        {
            await observer.OnAppendedAsync(db, c, entry, ct);
        }
    }
}
