// Documents: files kept for the records of every module. Owns documents (owner reference,
// classification, scope, retention) and their versions (each encrypted under its own data key,
// wrapped by a master key), the storage backends (local folder, S3-compatible), upload safety
// (type by content, sanitised names, clamd scanning) and signed download links.
using FluentValidation;
using Lnemis.Documents.Data;
using Lnemis.Documents.Encryption;
using Lnemis.Documents.Features.Documents;
using Lnemis.Documents.Features.Uploads;
using Lnemis.Documents.Safety;
using Lnemis.Documents.Storage;
using Lnemis.Platform.Data;
using Lnemis.Platform.Documents;
using Lnemis.Platform.Hosting;
using Lnemis.Platform.Jobs;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lnemis.Documents;

public static class DocumentsModule
{
    /// <summary>The module's part of the data model (for design-time tools).</summary>
    public static IModelContributor Model { get; } = new DocumentsModel();

    public static IServiceCollection AddDocumentsModule(this IServiceCollection services)
    {
        services.AddSingleton(Model);
        services.AddOptions<DocumentsOptions>().BindConfiguration(DocumentsOptions.Section);
        services.AddSingleton(sp => MasterKeyWrapper.FromOptions(
            sp.GetRequiredService<IOptions<DocumentsOptions>>().Value.Encryption,
            sp.GetRequiredService<IOptions<LnemisOptions>>().Value.DataDirectory));
        services.AddSingleton<IKeyWrapper>(sp => sp.GetRequiredService<MasterKeyWrapper>());
        services.AddSingleton(CreateStorage);
        services.AddSingleton<IVirusScanner, ClamdScanner>();
        services.AddSingleton<DownloadLinks>();
        services.AddSingleton<DirectTransfer>();
        services.AddJobHandler<ReleaseUploadMessage, ReleaseUpload>();
        services.AddRecurringTask<SweepUploads>();
        services.AddScoped<DocumentService>();
        services.AddScoped<IDocumentStore>(sp => sp.GetRequiredService<DocumentService>());
        services.AddRecurringTask<DocumentRetention>();
        services.AddValidatorsFromAssemblyContaining<UploadDocument.Validator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    public static void MapDocumentsEndpoints(this IEndpointRouteBuilder api)
    {
        ListDocuments.Map(api);
        GetDocument.Map(api);
        UploadDocument.Map(api);
        AddVersion.Map(api);
        CreateDownloadLink.Map(api);
        DownloadDocument.Map(api);
        DisposeDocument.Map(api);
        CreateDirectUpload.Map(api);
        CompleteDirectUpload.Map(api);
        GetDirectUpload.Map(api);
        CreateDirectVersionUpload.Map(api);
    }

    private static IBlobStorage CreateStorage(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<DocumentsOptions>>().Value;
        if (string.Equals(options.Storage, "S3", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(options.S3.Bucket))
            {
                throw new InvalidOperationException("Lnemis:Documents:S3:Bucket is required when Lnemis:Documents:Storage is S3.");
            }

            if (options.S3.ServerSideEncryption is { Length: > 0 } sse && sse is not ("AES256" or "aws:kms"))
            {
                throw new InvalidOperationException($"Lnemis:Documents:S3:ServerSideEncryption must be empty, AES256 or aws:kms, not '{sse}'.");
            }

            if (options.DirectDownloads.Enabled && string.IsNullOrWhiteSpace(options.S3.ServerSideEncryption))
            {
                throw new InvalidOperationException("Lnemis:Documents:DirectDownloads:Enabled needs Lnemis:Documents:S3:ServerSideEncryption (AES256 or aws:kms): a presigned URL must never hand out app ciphertext.");
            }

            return new S3Storage(S3Storage.CreateClient(options.S3), options.S3);
        }

        if (options.DirectUploads.Enabled || options.DirectDownloads.Enabled)
        {
            throw new InvalidOperationException("Lnemis:Documents:DirectUploads and DirectDownloads need Lnemis:Documents:Storage = S3.");
        }

        if (!string.Equals(options.Storage, "Local", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Lnemis:Documents:Storage must be Local or S3, not '{options.Storage}'.");
        }

        var folder = options.LocalFolder ?? Path.Combine(sp.GetRequiredService<IOptions<LnemisOptions>>().Value.DataDirectory, "documents");
        return new LocalFolderStorage(folder);
    }
}

/// <summary>Disposes of documents whose retention has ended (DisposeAfter is before today), every hour in the worker.</summary>
internal sealed class DocumentRetention(TimeProvider clock) : IRecurringTask
{
    public string Name => "documents-retention";
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        DocumentsCommands.DisposeExpiredAsync(services, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
}
