namespace Cage.Adapter.Batch;

/// <summary>How <see cref="FileDiscovery"/> expands paths into files. Immutable.</summary>
public sealed record DiscoveryOptions
{
    /// <summary>Descend into folders given as paths; without it a folder is a usage error.</summary>
    public bool Recursive { get; init; }

    /// <summary>Keep only files matching at least one of these (none: keep all).</summary>
    public IReadOnlyList<string> Include { get; init; } = Array.Empty<string>();

    /// <summary>Drop files matching any of these.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = Array.Empty<string>();

    /// <summary>Follow symbolic links to files and folders (off by default: a link could lead out of the tree).</summary>
    public bool FollowSymlinks { get; init; }

    /// <summary>Folder names never descended into.</summary>
    public IReadOnlyList<string> SkippedFolders { get; init; } = new[] { ".git", ".cage" };
}
