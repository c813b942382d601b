using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lnemis.Platform.Audit;

/// <summary>How an audit entry's hash is computed; the same code verifies the chain.</summary>
public static class AuditChain
{
    /// <summary>Time is kept to the millisecond so that it reads back the same on every database.</summary>
    public static DateTimeOffset Normalise(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string ComputeHash(AuditRecord r)
    {
        var text = string.Join(
            '\u001f',
            r.Sequence.ToString(CultureInfo.InvariantCulture),
            r.PreviousHash,
            r.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            r.UserId?.ToString("N") ?? "",
            r.Actor ?? "",
            r.RequestId ?? "",
            r.Action,
            r.EntityType,
            r.EntityId ?? "",
            r.Changes ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
