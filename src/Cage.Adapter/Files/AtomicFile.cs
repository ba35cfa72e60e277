using System.Security.Cryptography;

namespace Cage.Adapter.Files;

/// <summary>
/// Writes a file atomically: into a temp file beside the destination, flushed to disk, then renamed over it.
/// Until <see cref="CommitAsync"/> succeeds the destination is untouched; disposing without committing
/// deletes the temp file. Temp names are <c>.NAME.cage-XXXX.tmp</c> so a crash leaves a clearly named file.
/// </summary>
public sealed class AtomicFile : IAsyncDisposable, IDisposable
{
    /// <summary>Marker in every temp file name.</summary>
    public const string TempMarker = ".cage-";

    private readonly FileStream _stream;
    private readonly WritebackFileStream _writer;
    private bool _committed;

    private AtomicFile(string destination, string tempPath, FileStream stream, bool durable)
    {
        Durable = durable;
        Destination = destination;
        TempPath = tempPath;
        _stream = stream;
        _writer = new WritebackFileStream(stream);
    }

    /// <summary>Whether <see cref="CommitAsync"/> waits for the data to reach the disk before renaming.</summary>
    public bool Durable { get; }

    /// <summary>The final path.</summary>
    public string Destination { get; }

    /// <summary>The temp file being written.</summary>
    public string TempPath { get; }

    /// <summary>Where to write the contents (write-only; disk writeback starts while writing).</summary>
    public Stream Stream => _writer;

    /// <summary>Starts writing <paramref name="destination"/>; throws <see cref="CageErrorCode.OutputNotWritable"/>.</summary>
    /// <param name="destination">Final path.</param>
    /// <param name="mode">Unix mode of the new file (e.g. 0600 for plaintext); null keeps the umask default.</param>
    /// <param name="bufferSize">FileStream buffer size.</param>
    /// <param name="durability">When to fsync before the rename (default: when replacing an existing file).</param>
    public static AtomicFile Create(string destination, UnixFileMode? mode = null, int bufferSize = 0, WriteDurability durability = WriteDurability.Auto)
    {
        var fullPath = Path.GetFullPath(destination);
        if (Directory.Exists(fullPath))
            throw new CageException(CageErrorCode.OutputNotWritable, $"'{destination}' is a directory");
        var folder = Path.GetDirectoryName(fullPath)!;
        var tempPath = Path.Combine(folder, $".{Path.GetFileName(fullPath)}{TempMarker}{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}.tmp");
        try
        {
            var stream = new FileStream(tempPath, PrivateFileOptions.CreateNew(FileAccess.ReadWrite, mode, bufferSize));
            return new AtomicFile(fullPath, tempPath, stream, durability == WriteDurability.Always || File.Exists(fullPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CageException(CageErrorCode.OutputNotWritable, $"cannot create a file in '{folder}': {e.Message}", e);
        }
    }

    /// <summary>Flushes (to disk when <see cref="Durable"/>) and renames the temp file over the destination.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            _stream.Flush(flushToDisk: Durable);
            await _stream.DisposeAsync().ConfigureAwait(false);
            File.Move(TempPath, Destination, overwrite: true);
            _committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CageException(CageErrorCode.OutputNotWritable, $"cannot write '{Destination}': {e.Message}", e);
        }
    }

    /// <summary>Deletes the temp file unless committed.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Flushing the rest failed (e.g. disk full): the temp file is deleted below anyway.
        }
        DeleteTemp();
    }

    /// <summary>Deletes the temp file unless committed.</summary>
    public void Dispose()
    {
        try
        {
            _stream.Dispose();
        }
        catch (IOException)
        {
        }
        DeleteTemp();
    }

    private void DeleteTemp()
    {
        if (_committed)
            return;
        try
        {
            File.Delete(TempPath);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
