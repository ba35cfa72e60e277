namespace Cage.Adapter.Files;

/// <summary>
/// Removes <c>cage-XXXXXXXXXXXXXXXX</c> private folders whose owner died without cleaning up (SIGKILL, power
/// loss): those holding a <see cref="PrivateTempFolder.LockFileName"/> no live process has locked, last touched
/// more than <see cref="MinimumAge"/> ago (which also covers the instant between creating a folder and locking
/// it). Folders without a lock file are never touched: they are not provably ours.
/// </summary>
internal static class StalePrivateFolders
{
    /// <summary>How old an unlocked lock file must be before its folder counts as abandoned.</summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromSeconds(30);

    private const int RandomHexLength = 16;

    /// <summary>Sweeps <paramref name="root"/>; never throws.</summary>
    public static void Remove(string root)
    {
        if (OperatingSystem.IsWindows())
            return;
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateDirectories(root, PrivateTempFolder.Prefix + "*")
                .Where(d => Path.GetFileName(d).Length == PrivateTempFolder.Prefix.Length + RandomHexLength)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var folder in candidates)
            TryRemove(folder);
    }

    private static void TryRemove(string folder)
    {
        var lockFile = Path.Combine(folder, PrivateTempFolder.LockFileName);
        try
        {
            if (!File.Exists(lockFile) || DateTime.UtcNow - File.GetLastWriteTimeUtc(lockFile) < MinimumAge)
                return;
            using var handle = File.OpenHandle(lockFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (TempFileLock.TryAcquire(handle))
                Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Held by a live owner (a .NET sharing violation), already gone, or not ours: leave it.
        }
    }
}
