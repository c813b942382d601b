using Lnemis.Institutions.Domain;

namespace Lnemis.Institutions.Features.Areas;

public sealed record AreaView(Guid Id, string Code, string Name, Guid? ParentId, int Level, long Version)
{
    public static AreaView From(Area a) => new(a.Id, a.Code, a.Name, a.ParentId, a.Level, a.Version);
}

public static class AreaPermissions
{
    public const string Read = "areas.read";
    public const string Manage = "areas.manage";
}
