using System.Security.Cryptography;
using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>The checks every fault ends with: files as before, nothing half-written, nothing left running.</summary>
public static class Aftermath
{
    /// <summary>Every file and folder below <paramref name="root"/>, relative and sorted (hidden temp files included).</summary>
    public static IReadOnlyList<string> Entries(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(e => Path.GetRelativePath(root, e)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The folder holds exactly <paramref name="expected"/>: no temp file, no partial destination.</summary>
    public static void OnlyEntries(string root, params string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), Entries(root));

    /// <summary>No age runs as our child, and (after a grace period for re-parented ones) none whose argv has <paramref name="marker"/>.</summary>
    public static async Task NoAgeLeftAsync(string? marker = null)
    {
        Assert.Empty(ChildProcesses.Find("age"));
        if (marker is null)
            return;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (ChildProcesses.WithArgument(marker).Count > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.Empty(ChildProcesses.WithArgument(marker));
    }

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"timed out waiting for: {what}");
            await Task.Delay(2);
        }
    }

    /// <summary>Size of the largest file below <paramref name="root"/> whose name matches <paramref name="predicate"/>; 0 when none.</summary>
    public static long LargestFile(string root, Func<string, bool> predicate)
    {
        long largest = 0;
        try
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                if (!predicate(Path.GetFileName(file)))
                    continue;
                try
                {
                    largest = Math.Max(largest, new FileInfo(file).Length);
                }
                catch (IOException)
                {
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return largest;
    }

    /// <summary>True for Cage's atomic-write and rotation temp names (<c>.NAME.cage-XXXX.tmp</c>).</summary>
    public static bool IsCageTemp(string name) => name.StartsWith('.') && name.Contains(".cage-", StringComparison.Ordinal) && name.EndsWith(".tmp", StringComparison.Ordinal);
}
