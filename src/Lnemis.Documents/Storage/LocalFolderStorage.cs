using Lnemis.Platform.Documents;

namespace Lnemis.Documents.Storage;

/// <summary>
/// The embedded default: one file per object under a folder. Uploads are written under ".pending"
/// and moved into place on commit (a rename on the same volume is atomic).
/// </summary>
internal sealed class LocalFolderStorage(string root) : IBlobStorage
{
    private readonly string root = Path.GetFullPath(root);

    public Task<IBlobUpload> BeginUploadAsync(string key, CancellationToken ct)
    {
        var target = PathOf(key);
        var pending = Path.Combine(root, ".pending", Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(pending)!);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var stream = new FileStream(pending, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Options = FileOptions.Asynchronous,
                BufferSize = 0,
            });
            return Task.FromResult<IBlobUpload>(new Upload(stream, pending, target));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException("The document folder cannot be written.", ex);
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken ct)
    {
        try
        {
            return Task.FromResult<Stream>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new StorageUnavailableException("The stored file is missing from the document folder.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException("The document folder cannot be read.", ex);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        try
        {
            File.Delete(PathOf(key));
            return Task.CompletedTask;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException("The stored file could not be deleted.", ex);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(key)));

    /// <summary>Keys are made by the module (ids and slashes only); anything else is refused rather than resolved.</summary>
    private string PathOf(string key)
    {
        if (key.Length == 0 || key.Contains("..", StringComparison.Ordinal) || key.StartsWith('/') || key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '/' or '-')))
        {
            throw new ArgumentException($"Invalid storage key '{key}'.", nameof(key));
        }

        return Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    private sealed class Upload(FileStream stream, string pending, string target) : IBlobUpload
    {
        private bool committed;

        public Stream Content => stream;

        public async Task CommitAsync(CancellationToken ct)
        {
            try
            {
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
                await stream.DisposeAsync();
                File.Move(pending, target, overwrite: false);
                committed = true;
            }
            catch (IOException ex)
            {
                throw new StorageUnavailableException("The document folder cannot be written.", ex);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            if (!committed)
            {
                File.Delete(pending);
            }
        }
    }
}
