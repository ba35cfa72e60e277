using System.Collections.Concurrent;
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

    /// <summary>
    /// How long a folder's listing is reused. A batch writes many files into one folder; listing it once per file
    /// made the batch quadratic in the folder's size (the largest cost of ours in the 200-file benchmark). A
    /// leftover that appears within this time is removed by a later write.
    /// </summary>
    private const long ListingLifetimeMs = 1000;
    private const int MaxCachedFolders = 256;

    private static readonly ConcurrentDictionary<string, FolderListing> Listings = new(StringComparer.Ordinal);

    /// <summary>Removes unlocked temp files of <paramref name="destination"/> (a full path); never throws.</summary>
    public static void RemoveFor(string destination)
    {
        var folder = Path.GetDirectoryName(destination);
        if (folder is null)
            return;
        var prefix = "." + Path.GetFileName(destination) + AtomicFile.TempMarker;
        foreach (var name in TempNamesIn(folder))
        {
            if (IsTempOf(name, prefix))
                TryRemove(Path.Combine(folder, name));
        }
    }

    /// <summary>Names in <paramref name="folder"/> that look like any Cage temp file, listed at most once per <see cref="ListingLifetimeMs"/>.</summary>
    private static string[] TempNamesIn(string folder)
    {
        var now = Environment.TickCount64;
        if (Listings.TryGetValue(folder, out var cached) && now - cached.TakenAt < ListingLifetimeMs)
            return cached.TempNames;
        string[] names;
        try
        {
            // Matched as spans while listing: no string per entry, only per temp file.
            names = new FileSystemEnumerable<string>(folder, (ref FileSystemEntry entry) => entry.FileName.ToString(),
                new EnumerationOptions { AttributesToSkip = FileAttributes.Directory, IgnoreInaccessible = true })
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                    entry.FileName.Contains(AtomicFile.TempMarker, StringComparison.Ordinal) && entry.FileName.EndsWith(".tmp", StringComparison.Ordinal),
            }.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
        if (Listings.Count >= MaxCachedFolders)
            Listings.Clear(); // a long-lived process may write into many folders: keep the cache small
        Listings[folder] = new FolderListing(now, names);
        return names;
    }

    private sealed record FolderListing(long TakenAt, string[] TempNames);

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
