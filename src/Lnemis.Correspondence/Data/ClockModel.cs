using Lnemis.Correspondence.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Data;

/// <summary>The holiday calendar and deadline reminder tables (part of the correspondence schema).</summary>
internal static class ClockModel
{
    public static void Configure(ModelBuilder model, DatabaseProvider provider)
    {
        model.Entity<PublicHolidayCalendar>(e =>
        {
            e.ToModuleTable(CorrespondenceModel.Schema, "holiday_calendars", provider);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.Code).HasMaxLength(50);
            e.HasIndex(c => c.Code).IsUnique();
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Region).HasMaxLength(100);
        });

        model.Entity<PublicHoliday>(e =>
        {
            e.ToModuleTable(CorrespondenceModel.Schema, "public_holidays", provider);
            e.Property(h => h.Id).ValueGeneratedNever();
            e.Property(h => h.Title).HasMaxLength(200);
            e.Property(h => h.Notes).HasMaxLength(500);
            e.Property(h => h.Source).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(h => new { h.CalendarId, h.Date }).IsUnique();
            e.HasOne<PublicHolidayCalendar>().WithMany().HasForeignKey(h => h.CalendarId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<HolidayCalendarStamp>(e =>
        {
            e.ToModuleTable(CorrespondenceModel.Schema, "holiday_calendar_stamps", provider);
            e.Property(s => s.Id).ValueGeneratedNever();
        });

        model.Entity<CaseDeadlineReminder>(e =>
        {
            e.ToModuleTable(CorrespondenceModel.Schema, "case_deadline_reminders", provider);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Kind).HasMaxLength(30);
            e.HasIndex(r => new { r.CaseId, r.Kind, r.Deadline }).IsUnique();
            e.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

internal static class ClockData
{
    public static DbSet<PublicHolidayCalendar> HolidayCalendars(this LnemisDbContext db) => db.Set<PublicHolidayCalendar>();

    public static DbSet<PublicHoliday> PublicHolidays(this LnemisDbContext db) => db.Set<PublicHoliday>();

    public static DbSet<HolidayCalendarStamp> HolidayCalendarStamps(this LnemisDbContext db) => db.Set<HolidayCalendarStamp>();

    public static DbSet<CaseDeadlineReminder> CaseDeadlineReminders(this LnemisDbContext db) => db.Set<CaseDeadlineReminder>();
}
