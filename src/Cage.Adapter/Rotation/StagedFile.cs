using System.Security.Cryptography;
using Cage.Adapter.Files;

namespace Cage.Adapter.Rotation;

/// <summary>A re-encrypted file waiting beside its original, and the original's backup while they are swapped.</summary>
internal sealed class StagedFile
{
    private StagedFile(string original, string path, string backup)
    {
        Original = original;
        Path = path;
        Backup = backup;
    }

    public string Original { get; }
    public string Path { get; }
    public string Backup { get; }
    private bool _swapped;

    public static StagedFile Beside(string original)
    {
        var full = System.IO.Path.GetFullPath(original);
        var folder = System.IO.Path.GetDirectoryName(full)!;
        var name = System.IO.Path.GetFileName(full);
        StaleTempFiles.RemoveFor(full);
        var tag = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        return new StagedFile(full,
            System.IO.Path.Combine(folder, $".{name}{AtomicFile.TempMarker}rotate-{tag}.tmp"),
            System.IO.Path.Combine(folder, $".{name}{AtomicFile.TempMarker}backup-{tag}.tmp"));
    }

    /// <summary>Original to backup (a hard copy keeps the original's bytes), then staged over the original.</summary>
    public void Swap()
    {
        File.Copy(Original, Backup, overwrite: false);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path, File.GetUnixFileMode(Original)); // the new file keeps the old one's permissions
        File.Move(Path, Original, overwrite: true);
        _swapped = true;
    }

    public void Restore()
    {
        if (!_swapped)
            return;
        File.Move(Backup, Original, overwrite: true);
        _swapped = false;
    }

    public void DropBackup() => TryDelete(Backup);

    /// <summary>Removes whatever is left of the staged file (and a backup not needed any more).</summary>
    public void Discard()
    {
        TryDelete(Path);
        if (!_swapped)
            TryDelete(Backup);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
