using Cage.Adapter.Files;

namespace Cage.Adapter.Batch;

/// <summary>
/// Expands the paths a user named into the files to work on: files as given, folders walked when recursive,
/// include/exclude globs matched against the path relative to the folder named, symlinks skipped unless
/// followed, Cage's own temp files never picked up. Results are de-duplicated and sorted.
/// </summary>
public static class FileDiscovery
{
    /// <summary>Expands <paramref name="paths"/>; files named explicitly are kept even when a glob would drop them.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, DiscoveryOptions options)
    {
        var include = options.Include.Select(Glob.Parse).ToList();
        var exclude = options.Exclude.Select(Glob.Parse).ToList();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                if (!options.Recursive)
                    throw new CageException(CageErrorCode.UsageError, $"'{path}' is a folder", hint: "pass --recursive to work on every file below it");
                foreach (var file in Walk(path, options))
                {
                    var relative = Path.GetRelativePath(path, file);
                    if (Keep(relative, include, exclude))
                        found.Add(file);
                }
            }
            else
            {
                // Explicit files go through as named; a missing one fails later with InputNotFound, per file.
                found.Add(path);
            }
        }
        return found.ToList();
    }

    private static bool Keep(string relative, IReadOnlyList<Glob> include, IReadOnlyList<Glob> exclude) =>
        (include.Count == 0 || include.Any(g => g.IsMatch(relative))) && !exclude.Any(g => g.IsMatch(relative));

    private static IEnumerable<string> Walk(string root, DiscoveryOptions options)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var entry in entries)
            {
                if (entry.LinkTarget is not null && !options.FollowSymlinks)
                    continue;
                var isFolder = entry is DirectoryInfo || (entry.LinkTarget is not null && Directory.Exists(entry.FullName));
                if (isFolder)
                {
                    if (!options.SkippedFolders.Contains(entry.Name, StringComparer.Ordinal))
                        pending.Push(Path.Combine(folder, entry.Name));
                }
                else if (!IsCageTemp(entry.Name))
                {
                    yield return Path.Combine(folder, entry.Name);
                }
            }
        }
    }

    private static bool IsCageTemp(string name) =>
        name.StartsWith('.') && name.Contains(AtomicFile.TempMarker, StringComparison.Ordinal) && name.EndsWith(".tmp", StringComparison.Ordinal);
}
