using System.IO.Enumeration;

namespace Cage.Adapter.Files;

/// <summary>
/// Removes what a crashed run left beside a destination: <c>.NAME.cage-XXXX.tmp</c> files (an interrupted atomic
/// write or rotation stage) that no live process holds locked (<see cref="TempFileLock"/>). A file a running
/// writer holds, in this process or another, is left alone. Rotation backups (<c>.NAME.cage-backup-XXXX.tmp</c>)
/// are never removed: after a crash in the middle of a swap they may be the only copy of an old file.
/// </summary>
internal static class StaleTempFiles
{
    /// <summary>Marker of rotation backups, which are kept.</summary>
    public const string BackupTag = "backup-";

    /// <summary>Removes unlocked temp files of <paramref name="destination"/> (a full path); never throws.</summary>
    public static void RemoveFor(string destination)
    {
        var folder = Path.GetDirectoryName(destination);
        if (folder is null)
            return;
        var prefix = "." + Path.GetFileName(destination) + AtomicFile.TempMarker;
        List<string> candidates;
        try
        {
            // Names are matched as spans while listing: a batch writes many files into one folder, so this runs
            // once per file over every entry and must not allocate per entry.
            candidates = new FileSystemEnumerable<string>(folder, (ref FileSystemEntry entry) => entry.ToFullPath(),
                new EnumerationOptions { AttributesToSkip = FileAttributes.Directory, IgnoreInaccessible = true })
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) => IsTempOf(entry.FileName, prefix),
            }.ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var candidate in candidates)
            TryRemove(candidate);
    }

    /// <summary>A temp name of the destination (<c>.NAME.cage-XXXX.tmp</c>), not a rotation backup.</summary>
    private static bool IsTempOf(ReadOnlySpan<char> name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal)
        && name.EndsWith(".tmp", StringComparison.Ordinal)
        && !name[prefix.Length..].StartsWith(BackupTag, StringComparison.Ordinal);

    private static void TryRemove(string path)
    {
        try
        {
            // Opening does not truncate; the lock proves no writer is alive, and is held while we delete.
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (TempFileLock.TryAcquire(handle))
                File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // In use (a .NET sharing violation), gone already, or not ours to delete: leave it.
        }
    }
}
