// Institutions: the national registry. The administrative area tree (on which access scopes
// hang), the education structure, institutions, learners, staff, enrolments; the census builds on them.
using FluentValidation;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Features.Areas;
using Lnemis.Institutions.Features.Census;
using Lnemis.Institutions.Features.Enrolments;
using Lnemis.Institutions.Features.Imports;
using Lnemis.Institutions.Features.Institutions;
using Lnemis.Institutions.Features.Learners;
using Lnemis.Institutions.Features.Staff;
using Lnemis.Institutions.Features.Structure;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Lnemis.Platform.Jobs;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Institutions;

public static class InstitutionsModule
{
    /// <summary>The module's part of the data model (for design-time tools).</summary>
    public static IModelContributor Model { get; } = new InstitutionsModel();

    public static IServiceCollection AddInstitutionsModule(this IServiceCollection services)
    {
        services.AddSingleton(Model);
        services.AddScoped<IScopeDirectory, AreaScopeDirectory>();
        services.AddScoped<IScopeDirectory, InstitutionScopeDirectory>();
        services.AddSingleton<NationalIds>();
        services.AddScoped<Lnemis.Platform.Privacy.IDataSubjectRegistry, LearnerDataSubjects>();
        services.AddScoped<Lnemis.Platform.Privacy.IDataSubjectRegistry, StaffDataSubjects>();
        services.AddScoped<Lnemis.Platform.Integrations.IIdentityHolders, LearnerIdentityHolders>();
        services.AddScoped<Lnemis.Platform.Integrations.IIdentityHolders, StaffIdentityHolders>();
        services.AddRecurringTask<CensusReminders>();
        services.AddRecurringTask<SweepKeptImportRows>();
        services.AddIntegrationEvents(InstitutionsEventCatalogue.All);
        services.AddScoped<ISeedContributor, Seeding.InstitutionsSeeder>();
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section);
        services.AddScoped<IImportProcessor, InstitutionImport>();
        services.AddScoped<IImportProcessor, LearnerImport>();
        services.AddScoped<IImportProcessor, EnrolmentImport>();
        services.AddScoped<IImportProcessor, StaffImport>();
        services.AddJobHandler<ImportValidateMessage, ImportRunner>();
        services.AddJobHandler<ImportApplyMessage, ImportRunner>();
        services.AddJobHandler<MoveArea.RepairMessage, MoveArea.RepairHandler>();
        services.AddJobHandler<InstitutionMove.RepairMessage, InstitutionMove.RepairHandler>();
        services.AddValidatorsFromAssemblyContaining<CreateArea.Validator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    public static void MapInstitutionsEndpoints(this IEndpointRouteBuilder api)
    {
        ListAreas.Map(api);
        GetArea.Map(api);
        CreateArea.Map(api);
        UpdateArea.Map(api);
        DeleteArea.Map(api);
        MoveArea.Map(api);

        ListLevels.Map(api);
        CreateLevel.Map(api);
        UpdateLevel.Map(api);
        ListAcademicYears.Map(api);
        SaveAcademicYear.Map(api);

        ListInstitutions.Map(api);
        ExportInstitutions.Map(api);
        InstitutionsGeoJson.Map(api);
        GetInstitution.Map(api);
        ListInstitutionChanges.Map(api);
        CreateInstitution.Map(api);
        UpdateInstitution.Map(api);
        CloseInstitution.Map(api);
        MergeInstitution.Map(api);
        ReopenInstitution.Map(api);
        DeleteInstitution.Map(api);

        ListLearners.Map(api);
        ExportLearners.Map(api);
        GetLearner.Map(api);
        GetLearnerNationalId.Map(api);
        CreateLearner.Map(api);
        UpdateLearner.Map(api);
        MergeLearner.Map(api);

        ListStaff.Map(api);
        ExportStaff.Map(api);
        GetStaffMember.Map(api);
        CreateStaffMember.Map(api);
        UpdateStaffMember.Map(api);
        TransferStaffMember.Map(api);

        ListEnrolments.Map(api);
        ExportEnrolments.Map(api);
        Enrol.Map(api);
        TransferLearner.Map(api);
        WithdrawEnrolment.Map(api);
        GraduateEnrolment.Map(api);
        PromoteClass.Map(api);
        UndoPromotion.Map(api);

        CensusRounds.Map(api);
        ListCensusReturns.Map(api);
        GetCensusReturn.Map(api);
        StartCensusReturn.Map(api);
        SaveCensusReturn.Map(api);
        SubmitCensusReturn.Map(api);
        ReviewCensusReturn.Map(api);

        UploadImport.Map(api);
        RunImport.Map(api);
        GetImport.Map(api);
    }
}
