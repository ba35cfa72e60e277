using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>A 1000-file recursive lock and unlock through dotnet-cage: every file round-trips byte for byte, nothing else is left.</summary>
public sealed class ManyFilesTests : IDisposable
{
    private const int Folders = 20;
    private const int FilesPerFolder = 50;
    private readonly ToolScene _scene = new();

    public void Dispose() => _scene.Dispose();

    [Fact]
    public async Task Thousand_files_lock_and_unlock_recursively_and_round_trip()
    {
        var tool = _scene.Tool;
        var originals = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var folder = 0; folder < Folders; folder++)
        {
            for (var file = 0; file < FilesPerFolder; file++)
            {
                var name = Path.Combine("tree", $"f{folder:D2}", file % 10 == 0 ? $"sub/{file:D2} name.json" : $"{file:D2}.json");
                var contents = RandomData.Bytes((folder * FilesPerFolder + file) * 37 % 3000, seed: folder * 1000 + file); // 0 to ~3 KB, some empty
                tool.Write(name, contents);
                originals[name] = contents;
            }
        }
        Assert.Equal(1000, originals.Count);

        var locked = ToolAssert.Ok(tool.Run("lock", "--recursive", "tree", "--remove-original", "--json"));

        Assert.Equal(1000, locked.Json.GetProperty("files").GetArrayLength());
        var afterLock = Aftermath.Entries(tool.PathIn("tree")).Where(e => File.Exists(tool.PathIn(Path.Combine("tree", e)))).ToList();
        Assert.Equal(originals.Keys.Select(k => Path.GetRelativePath("tree", k) + ".age").Order(StringComparer.Ordinal), afterLock);

        ToolAssert.Ok(tool.Run("unlock", "--recursive", "tree", "--remove-encrypted", "--quiet"));

        var afterUnlock = Aftermath.Entries(tool.PathIn("tree")).Where(e => File.Exists(tool.PathIn(Path.Combine("tree", e)))).ToList();
        Assert.Equal(originals.Keys.Select(k => Path.GetRelativePath("tree", k)).Order(StringComparer.Ordinal), afterUnlock);
        foreach (var (name, contents) in originals)
            Assert.Equal(contents, File.ReadAllBytes(tool.PathIn(name)));
        await Aftermath.NoAgeLeftAsync(marker: _scene.Recipient);
    }
}
