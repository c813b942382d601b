using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lnemis.Platform.Observability;

/// <summary>
/// Where one request's time goes, for measuring the server's own cost (ADR 0030): SQL statements
/// (count and time, counted by <see cref="SqlCostInterceptor"/>), and the time at named points of
/// the pipeline. Switched on with <c>Lnemis:Diagnostics:ServerTiming</c>; the answer then carries a
/// <c>Server-Timing</c> header (<c>identity</c>: until the caller's access is known; <c>sql</c>:
/// statements and their time; <c>total</c>: until the headers are written).
/// </summary>
public sealed class RequestCost
{
    private static readonly AsyncLocal<RequestCost?> Ambient = new();

    private readonly long started = Stopwatch.GetTimestamp();
    private readonly List<(string Name, long At)> marks = [];
    private int statements;
    private long sqlTicks;

    /// <summary>The request being measured on this flow, or null when diagnostics are off.</summary>
    public static RequestCost? Current => Ambient.Value;

    /// <summary>Records that the request reached <paramref name="name"/> (no-op when diagnostics are off).</summary>
    public static void Mark(string name)
    {
        if (Ambient.Value is { } cost)
        {
            lock (cost.marks)
            {
                cost.marks.Add((name, Stopwatch.GetTimestamp()));
            }
        }
    }

    internal void AddStatement(TimeSpan duration)
    {
        Interlocked.Increment(ref statements);
        Interlocked.Add(ref sqlTicks, duration.Ticks);
    }

    internal static void Begin() => Ambient.Value = new RequestCost();

    internal string Header()
    {
        var header = new StringBuilder();
        lock (marks)
        {
            foreach (var (name, at) in marks)
            {
                header.Append(CultureInfo.InvariantCulture, $"{name};dur={Milliseconds(at):0.###}, ");
            }
        }

        header.Append(CultureInfo.InvariantCulture, $"sql;desc=\"{Volatile.Read(ref statements)} statements\";dur={TimeSpan.FromTicks(Interlocked.Read(ref sqlTicks)).TotalMilliseconds:0.###}, ");
        header.Append(CultureInfo.InvariantCulture, $"total;dur={Milliseconds(Stopwatch.GetTimestamp()):0.###}");
        return header.ToString();
    }

    private double Milliseconds(long at) => Stopwatch.GetElapsedTime(started, at).TotalMilliseconds;
}

/// <summary>Starts the measurement at the front of the pipeline and writes it when the answer starts.</summary>
internal sealed class RequestCostMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        RequestCost.Begin();
        var cost = RequestCost.Current!;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["Server-Timing"] = cost.Header();
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>Counts the statements a request sends and the time they take (only while a request is measured).</summary>
internal sealed class SqlCostInterceptor : DbCommandInterceptor
{
    public static readonly SqlCostInterceptor Instance = new();

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        RequestCost.Current?.AddStatement(eventData.Duration);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        RequestCost.Current?.AddStatement(eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        RequestCost.Current?.AddStatement(eventData.Duration);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        RequestCost.Current?.AddStatement(eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        RequestCost.Current?.AddStatement(eventData.Duration);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        RequestCost.Current?.AddStatement(eventData.Duration);
        return ValueTask.FromResult(result);
    }
}
