using System.Security.Cryptography;

namespace Cage.Adapter.Files;

/// <summary>
/// Writes a file atomically: into a temp file beside the destination, flushed to disk, then renamed over it.
/// Until <see cref="CommitAsync"/> succeeds the destination is untouched; disposing without committing
/// deletes the temp file. Temp names are <c>.NAME.cage-XXXX.tmp</c> so a crash leaves a clearly named file; the
/// writer holds it flock-ed, and the next write of the same destination removes such files no one holds
/// (<see cref="StaleTempFiles"/>).
/// </summary>
public sealed class AtomicFile : IAsyncDisposable, IDisposable
{
    /// <summary>Marker in every temp file name.</summary>
    public const string TempMarker = ".cage-";

    private FileStream _stream; // replaced only by TryAdopt, before anything was written
    private readonly WritebackFileStream _writer;
    private bool _committed;

    private AtomicFile(string destination, string tempPath, FileStream stream, bool durable)
    {
        Durable = durable;
        Destination = destination;
        TempPath = tempPath;
        _stream = stream;
        _writer = new WritebackFileStream(stream, this);
    }

    /// <summary>Whether <see cref="CommitAsync"/> waits for the data to reach the disk before renaming.</summary>
    public bool Durable { get; }

    /// <summary>The final path.</summary>
    public string Destination { get; }

    /// <summary>The temp file being written.</summary>
    public string TempPath { get; }

    /// <summary>The temp file itself, for checks before the commit (e.g. its length).</summary>
    internal FileStream TempStream => _stream;

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
        StaleTempFiles.RemoveFor(fullPath);
        var tempPath = Path.Combine(folder, $".{Path.GetFileName(fullPath)}{TempMarker}{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}.tmp");
        try
        {
            var stream = new FileStream(tempPath, PrivateFileOptions.CreateNew(FileAccess.ReadWrite, mode, bufferSize));
            TempFileLock.TryAcquire(stream.SafeFileHandle); // our new file: marks it live until we close it or die
            return new AtomicFile(fullPath, tempPath, stream, durability == WriteDurability.Always || File.Exists(fullPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CageException(CageErrorCode.OutputNotWritable, $"cannot create a file in '{folder}': {e.Message}", e);
        }
    }

    /// <summary>
    /// Makes the file at <paramref name="path"/> the temp file, by renaming it into place, when nothing was written
    /// yet and it is on the same file system; false (nothing changed) otherwise. Delivers a file age wrote elsewhere
    /// (the tempfile strategy's private output) without copying it. The result keeps the temp file's mode and is
    /// locked before it is renamed, so no cleanup can take it for a leftover.
    /// </summary>
    internal bool TryAdopt(string path)
    {
        if (OperatingSystem.IsWindows() || _committed || _stream.Length != 0)
            return false;
        FileStream? adopted = null;
        try
        {
            adopted = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            TempFileLock.TryAcquire(adopted.SafeFileHandle);
            File.SetUnixFileMode(adopted.SafeFileHandle, File.GetUnixFileMode(_stream.SafeFileHandle));
            if (Interop.Libc.rename(path, TempPath) != 0)
            {
                adopted.Dispose();
                return false; // EXDEV: another file system
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            adopted?.Dispose();
            return false;
        }
        adopted.Position = adopted.Length;
        var replaced = _stream;
        _stream = adopted;
        _writer.Retarget(adopted);
        replaced.Dispose(); // its inode was unlinked by the rename
        return true;
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
