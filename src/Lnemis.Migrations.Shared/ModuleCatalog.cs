using Lnemis.Correspondence;
using Lnemis.Documents;
using Lnemis.Identity;
using Lnemis.Institutions;
using Lnemis.Integrations;
using Lnemis.Notifications;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Migrations;

/// <summary>Every module's model part, for design-time tools. A new module adds its Model here.</summary>
internal static class ModuleCatalog
{
    public static IReadOnlyList<IModelContributor> All { get; } = [IdentityModule.Model, InstitutionsModule.Model, CorrespondenceModule.Model, IntegrationsModule.Model, NotificationsModule.Model, DocumentsModule.Model];

    public static LnemisDbContext CreateContext(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<LnemisDbContext>();
        DatabaseRegistration.Configure(builder, provider, connectionString);
        return new LnemisDbContext(builder.Options, All, new CurrentActor(), TimeProvider.System);
    }
}
