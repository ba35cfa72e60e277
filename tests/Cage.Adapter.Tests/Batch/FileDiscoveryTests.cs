using Cage.Adapter;
using Cage.Adapter.Batch;
using Cage.Testing;

namespace Cage.Adapter.Tests.Batch;

public sealed class FileDiscoveryTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private IReadOnlyList<string> Relative(IEnumerable<string> files) => files.Select(f => Path.GetRelativePath(_dir.Path, f)).ToList();

    [Fact]
    public void Walks_folders_with_globs_skipping_git_cage_and_temp_files()
    {
        _dir.Write("c/a.json", "");
        _dir.Write("c/sub/b.json", "");
        _dir.Write("c/sub/b.txt", "");
        _dir.Write("c/.git/x.json", "");
        _dir.Write("c/.cage/recipients", "");
        _dir.Write("c/.a.json.cage-1234abcd.tmp", "");

        var all = FileDiscovery.Expand(new[] { _dir.File("c") }, new DiscoveryOptions { Recursive = true });
        Assert.Equal(new[] { "c/a.json", "c/sub/b.json", "c/sub/b.txt" }, Relative(all));

        var json = FileDiscovery.Expand(new[] { _dir.File("c") }, new DiscoveryOptions { Recursive = true, Include = new[] { "*.json" }, Exclude = new[] { "sub/**" } });
        Assert.Equal(new[] { "c/a.json" }, Relative(json));
    }

    [Fact]
    public void Folder_needs_recursive_and_explicit_files_pass_through()
    {
        _dir.Write("c/a.json", "");
        var e = Assert.Throws<CageException>(() => FileDiscovery.Expand(new[] { _dir.File("c") }, new DiscoveryOptions()));
        Assert.Equal(CageErrorCode.UsageError, e.Code);

        var files = FileDiscovery.Expand(new[] { _dir.File("c/a.json"), _dir.File("missing.txt"), _dir.File("c/a.json") }, new DiscoveryOptions { Exclude = new[] { "*.json" } });
        Assert.Equal(new[] { "c/a.json", "missing.txt" }, Relative(files));
    }

    [Fact]
    public void Symlinks_are_skipped_unless_followed()
    {
        _dir.Write("c/a.txt", "");
        var outside = _dir.Write("outside/o.txt", "");
        File.CreateSymbolicLink(_dir.File("c/link.txt"), outside);
        Directory.CreateSymbolicLink(_dir.File("c/linkdir"), _dir.File("outside"));

        Assert.Equal(new[] { "c/a.txt" }, Relative(FileDiscovery.Expand(new[] { _dir.File("c") }, new DiscoveryOptions { Recursive = true })));
        Assert.Equal(new[] { "c/a.txt", "c/link.txt", "c/linkdir/o.txt" },
            Relative(FileDiscovery.Expand(new[] { _dir.File("c") }, new DiscoveryOptions { Recursive = true, FollowSymlinks = true })));
    }
}
