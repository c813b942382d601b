using System.Globalization;
using Lnemis.Correspondence;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Correspondence.Features.Reports;
using Lnemis.Documents;
using Lnemis.Identity;
using Lnemis.Platform.Access;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;

namespace Lnemis.Server;

/// <summary>Operator commands: `Lnemis.Server migrate`, `seed-demo`, `seed`, `users create-admin`, `tokens create`, `audit verify`, `correspondence rebuild-reports`, `documents rotate-keys`, `documents dispose-expired`.</summary>
internal sealed class Commands(string name)
{
    private const string Usage = """
        Usage: Lnemis.Server [--role all|web|worker] [--urls URL]       serve (default)
               Lnemis.Server migrate                                    apply database migrations and exit
               Lnemis.Server seed-demo                                  add the demo areas and users (if no users exist)
               Lnemis.Server seed --scale small|district|national [--seed N] [--today YYYY-MM-DD] [--only MODULE]
                                                                        fill an empty database with a generated country
               Lnemis.Server users create-admin --email E --password P [--name N]
               Lnemis.Server tokens create --user EMAIL [--user EMAIL …] --name NAME [--expires DAYS]
                                                                        one API token per user, one per line in order
               Lnemis.Server audit verify                               check the audit log's hash chain
               Lnemis.Server correspondence rebuild-reports [--batch N] rebuild the correspondence reports read model
               Lnemis.Server correspondence rebuild-search [--batch N]  write missing or stale case search documents
               Lnemis.Server documents rotate-keys                      re-wrap every document data key with the active master key
               Lnemis.Server documents dispose-expired                  dispose of documents whose retention has ended
        Configuration comes from appsettings.json and Lnemis__... environment variables.
        """;

    private static readonly string[] Names = ["migrate", "seed-demo", "seed", "users", "tokens", "audit", "correspondence", "documents", "help", "--help"];

    public static Commands? Find(string[] args) =>
        args.Length > 0 && Names.Contains(args[0], StringComparer.Ordinal) ? new Commands(args[0]) : null;

    public async Task<int> RunAsync(IServiceProvider root, string[] args)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CurrentActor>().SetSystem();
        var ct = CancellationToken.None;
        var sub = args.Length > 1 ? args[1] : "";
        switch (name, sub)
        {
            case ("migrate", _):
                await DatabaseRegistration.MigrateAsync(services.GetRequiredService<LnemisDbContext>(), services.GetRequiredService<ILoggerFactory>().CreateLogger("Lnemis.Migrate"), ct);
                await CorrespondenceCommands.EnsureHolidayCalendarsAsync(services, ct);
                Console.WriteLine("Database is up to date.");
                return 0;

            case ("seed-demo", _):
                if (await IdentityCommands.AnyUserAsync(services, ct))
                {
                    Console.WriteLine("Users exist already; demo data not added.");
                    return 0;
                }

                await DemoData.SeedAsync(services, ct);
                Console.WriteLine($"Demo data added. Sign in as {DemoData.AdminEmail} / {DemoData.AdminPassword}.");
                return 0;

            case ("seed", _):
                {
                    if (!SeedProfile.TryParse(Option(args, "--scale") ?? "small", out var scale))
                    {
                        return Fail("--scale takes small, district or national.");
                    }

                    var seed = 1;
                    if (Option(args, "--seed") is { } seedText && !int.TryParse(seedText, CultureInfo.InvariantCulture, out seed))
                    {
                        return Fail("--seed takes a whole number.");
                    }

                    var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
                    if (Option(args, "--today") is { } todayText && !DateOnly.TryParseExact(todayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
                    {
                        return Fail("--today takes a date as YYYY-MM-DD.");
                    }

                    return await Seed.RunAsync(services, SeedProfile.For(scale), seed, today, Console.Out, Option(args, "--only"), ct);
                }

            case ("users", "create-admin"):
                {
                    var email = Option(args, "--email");
                    var password = Option(args, "--password");
                    if (email is null || password is null)
                    {
                        return Fail("users create-admin needs --email and --password.");
                    }

                    var outcome = await IdentityCommands.CreateAdminAsync(services, email, password, Option(args, "--name"), ct);
                    return outcome.Ok ? Done(outcome.Message) : Fail(outcome.Message);
                }

            case ("tokens", "create"):
                {
                    var users = Options(args, "--user");
                    var tokenName = Option(args, "--name");
                    if (users.Count == 0 || tokenName is null)
                    {
                        return Fail("tokens create needs --user and --name.");
                    }

                    int? days = null;
                    if (Option(args, "--expires") is { } expires)
                    {
                        if (!int.TryParse(expires, out var parsed))
                        {
                            return Fail("--expires takes a number of days.");
                        }

                        days = parsed;
                    }

                    // Several users in one command (the benchmark harness mints one per scenario user): each
                    // command starts the whole host, so one start serves them all. Tokens print in the order given.
                    var (outcome, tokens) = await IdentityCommands.CreateTokensAsync(services, users, tokenName, days, ct);
                    if (!outcome.Ok)
                    {
                        return Fail(outcome.Message);
                    }

                    Console.Error.WriteLine(outcome.Message + " Keep them secret; they are shown only now.");
                    foreach (var token in tokens)
                    {
                        Console.WriteLine(token);
                    }

                    return 0;
                }

            case ("audit", "verify"):
                {
                    var result = await AuditVerifier.VerifyAsync(services.GetRequiredService<LnemisDbContext>(), ct);
                    return result.Valid
                        ? Done($"Audit chain intact: {result.Checked} entries checked.")
                        : Fail($"Audit chain broken at entry {result.FirstBrokenSequence}: {result.Reason} ({result.Checked} entries verified before it).");
                }

            case ("correspondence", "rebuild-reports"):
                {
                    var batch = int.TryParse(Option(args, "--batch"), out var size) && size > 0 ? size : RebuildCaseReports.DefaultBatchSize;
                    var done = await CorrespondenceCommands.RebuildReportsAsync(services, batch,
                        new Progress<RebuildCaseReports.Progress>(p => Console.Error.WriteLine($"{p.Done:N0} / {p.Total:N0} cases")), ct);
                    return Done($"Reports read model rebuilt for {done:N0} cases.");
                }

            case ("correspondence", "rebuild-search"):
                {
                    var batch = int.TryParse(Option(args, "--batch"), out var size) && size > 0 ? size : RebuildCaseSearch.DefaultBatchSize;
                    var outcome = await CorrespondenceCommands.RebuildSearchAsync(services, batch,
                        new Progress<RebuildCaseSearch.Progress>(p => Console.Error.WriteLine($"{p.Done:N0} / {p.Total:N0} cases, {p.Written:N0} documents written")), ct);
                    return Done($"Search index checked for {outcome.Cases:N0} cases; {outcome.Written:N0} documents written.");
                }

            case ("documents", "rotate-keys"):
                {
                    var rewrapped = await DocumentsCommands.RotateKeysAsync(services, ct);
                    var skipped = await DocumentsCommands.CountServerSideEncryptedAsync(services, ct);
                    return Done($"{rewrapped} document key(s) re-wrapped with the active master key."
                        + (skipped > 0 ? $" {skipped} version(s) under S3 server-side encryption skipped: S3/KMS holds their keys (rotate the KMS key there)." : ""));
                }

            case ("documents", "dispose-expired"):
                {
                    var disposed = await DocumentsCommands.DisposeExpiredAsync(services, DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime), ct);
                    return Done($"{disposed} document(s) disposed of.");
                }

            default:
                Console.Error.WriteLine(Usage);
                return name is "help" or "--help" ? 0 : 2;
        }
    }

    private static string? Option(string[] args, string option)
    {
        var index = Array.IndexOf(args, option);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static List<string> Options(string[] args, string option)
    {
        var values = new List<string>();
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == option)
            {
                values.Add(args[++i]);
            }
        }

        return values;
    }

    private static int Done(string message)
    {
        Console.WriteLine(message);
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
