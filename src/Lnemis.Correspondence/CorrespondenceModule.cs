// Correspondence: FOI requests, subject access requests, internal reviews and ICO appeals. Owns the
// team tree (business group → directorate → unit) with its members, cases with their workflow
// state and append-only history, and case numbering. Deadlines are derived from the history by
// the deadline rules and the holiday calendars; workflows are data, validated when the module is added.
using FluentValidation;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain.Deadlines;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Correspondence.Features.Files;
using Lnemis.Correspondence.Features.Holidays;
using Lnemis.Correspondence.Features.Letters;
using Lnemis.Correspondence.Features.Notifications;
using Lnemis.Correspondence.Features.Reports;
using Lnemis.Correspondence.Features.Retention;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Lnemis.Platform.Jobs;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Correspondence;

public static class CorrespondenceModule
{
    /// <summary>The module's part of the data model (for design-time tools).</summary>
    public static IModelContributor Model { get; } = new CorrespondenceModel();

    public static IServiceCollection AddCorrespondenceModule(this IServiceCollection services)
    {
        // A definition with a dead event or an unreachable state stops the server here, not in front of a user.
        WorkflowValidator.EnsureValid(WorkflowDefinitions.All);
        services.AddSingleton(Model);
        services.AddScoped<IScopeDirectory, TeamScopeDirectory>();
        services.AddSingleton(DeadlineRules.Default);
        services.AddIntegrationEvents(CorrespondenceEventCatalogue.All);
        services.AddSingleton<HolidayCalendarCache>();
        services.AddHostedService<HolidayCalendarSeeding>();
        services.AddScoped(sp => new CaseClock(sp.GetRequiredService<DeadlineRuleSet>(), sp.GetRequiredService<HolidayCalendarCache>().Current(sp.GetRequiredService<LnemisDbContext>())));
        services.AddScoped<CaseObservers>();
        services.AddScoped<ISeedContributor, Seeding.CorrespondenceSeeder>();
        services.AddScoped<ICaseObserver, CaseNotifications>();
        services.AddRecurringTask<AutoCloseStoppedCases>();
        services.AddRecurringTask<DeadlineReminders>();
        services.AddOptions<CorrespondenceOptions>().BindConfiguration(CorrespondenceOptions.Section);
        services.AddScoped<ICaseObserver, CaseSearchIndexer>();
        services.AddScoped<ICaseObserver, CaseReportObserver>();
        services.AddJobHandler<RebuildCaseReports.Message, RebuildCaseReports.Handler>();
        services.AddRecurringTask<RetentionReview>();
        services.AddOptions<LetterOptions>().BindConfiguration(LetterOptions.Section);
        services.AddScoped<LetterRenderer>();
        services.AddHostedService<LetterTemplateSeeding>();
        services.AddScoped<CaseFiles>();
        services.AddValidatorsFromAssemblyContaining<CreateTeam.Validator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    public static void MapCorrespondenceEndpoints(this IEndpointRouteBuilder api)
    {
        ListTeams.Map(api);
        GetTeam.Map(api);
        CreateTeam.Map(api);
        UpdateTeam.Map(api);
        AddTeamMember.Map(api);
        RemoveTeamMember.Map(api);
        TeamActivation.Map(api);
        TeamMemberActivation.Map(api);
        MoveTeam.Map(api);
        MoveTeamMember.Map(api);
        ReassignOpenCases.Map(api);

        GetPermissionMatrix.Map(api);
        ListCases.Map(api);
        ExportCases.Map(api);
        GetCase.Map(api);
        CreateCase.Map(api);
        FireCaseEvent.Map(api);
        DataSubjects.Map(api);

        ListHolidayCalendars.Map(api);
        CreateHolidayCalendar.Map(api);
        ListHolidays.Map(api);
        AddHoliday.Map(api);
        UpdateHoliday.Map(api);
        DeleteHoliday.Map(api);
        ImportHolidays.Map(api);
        TimelinessReport.Map(api);
        AppealsReport.Map(api);
        AgeingReport.Map(api);
        RebuildCaseReports.Map(api);

        ListRetentionRules.Map(api);
        UpdateRetentionRule.Map(api);
        ListRetentionDue.Map(api);
        GetCaseRetention.Map(api);
        AnonymiseCase.Map(api);
        DisposeCase.Map(api);
        HoldCase.Map(api);

        ListLetterTemplates.Map(api);
        ListLetterPlaceholders.Map(api);
        GetLetterTemplate.Map(api);
        SaveLetterTemplate.Map(api);
        PreviewLetter.Map(api);
        GenerateCaseLetter.Map(api);
        UploadCaseFile.Map(api);
        AddCaseFileVersion.Map(api);
        ListCaseFiles.Map(api);
        ListCaseFileVersions.Map(api);
        CreateCaseFileLink.Map(api);
        PreviewCaseFile.Map(api);
    }
}
