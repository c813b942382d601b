using Lnemis.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Lnemis.Correspondence.Tests.Clock;

/// <summary>
/// A web-role server (no background worker: the tests run the recurring tasks themselves) whose
/// clock starts on Thu 16 Apr 2026 and is moved by the tests.
/// </summary>
public sealed class ClockedFactory : LnemisFactory
{
    public static readonly DateTimeOffset Start = new(2026, 4, 16, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Lnemis:Role"] = "web" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
    }
}
