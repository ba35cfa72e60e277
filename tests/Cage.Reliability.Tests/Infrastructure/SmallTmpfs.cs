using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>
/// A real full disk: a tmpfs of a few MiB mounted for one test (needs root, as in CI and this project's test
/// machine). Without the right to mount, the test fails saying so rather than skipping; the same promise is also
/// checked without root by <see cref="DiskFullTests.A_destination_stream_failing_with_ENOSPC_is_OutputNotWritable"/>.
/// </summary>
public sealed class SmallTmpfs : IDisposable
{
    public SmallTmpfs(string path, int megabytes)
    {
        Path = Directory.CreateDirectory(path).FullName;
        var mount = AgeCli.Run("mount", new[] { "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", Path });
        if (mount.ExitCode != 0)
            throw new InvalidOperationException($"mounting a {megabytes} MiB tmpfs at '{Path}' failed ({mount.Stderr.Trim()}): the disk-full tests need root (CI runs them as root)");
    }

    public string Path { get; }

    public void Dispose() => AgeCli.Run("umount", new[] { "-l", Path });
}
