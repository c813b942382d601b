using Lnemis.Correspondence.Domain.Letters;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Data;

/// <summary>The letter template tables (part of the correspondence schema).</summary>
internal static class LetterModel
{
    public static void Configure(ModelBuilder model, DatabaseProvider provider)
    {
        model.Entity<LetterTemplate>(e =>
        {
            e.ToModuleTable(CorrespondenceModel.Schema, "letter_templates", provider);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(t => t.Kind).HasMaxLength(40);
            e.HasIndex(t => new { t.Type, t.Kind }).IsUnique();
        });

        model.Entity<LetterTemplateVersion>(e =>
        {
            e.ToModuleTable(CorrespondenceModel.Schema, "letter_template_versions", provider);
            e.Property(v => v.Id).ValueGeneratedNever();
            e.Property(v => v.Title).HasMaxLength(LetterLimits.Title);
            e.Property(v => v.Body).HasMaxLength(LetterLimits.Body);
            e.Property(v => v.ChangeNote).HasMaxLength(LetterLimits.ChangeNote);
            // Unique: two administrators saving at once cannot both write version n + 1.
            e.HasIndex(v => new { v.TemplateId, v.Number }).IsUnique();
            e.HasOne<LetterTemplate>().WithMany().HasForeignKey(v => v.TemplateId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

internal static class LetterLimits
{
    public const int Title = 300;
    public const int Body = 20_000;
    public const int ChangeNote = 500;
}

internal static class LetterData
{
    public static DbSet<LetterTemplate> LetterTemplates(this LnemisDbContext db) => db.Set<LetterTemplate>();

    public static DbSet<LetterTemplateVersion> LetterTemplateVersions(this LnemisDbContext db) => db.Set<LetterTemplateVersion>();
}
