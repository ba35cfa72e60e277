using Cage.Testing;

namespace Cage.Tool.Tests;

public sealed class LockUnlockTests : IDisposable
{
    private readonly ToolProcess _tool = new();
    private readonly string _key;
    private readonly string _recipient;

    public LockUnlockTests()
    {
        (_key, _recipient) = _tool.NewKey("key.txt");
        _tool.Write(".cage/recipients", _recipient + "\n");
        _tool.Environment["CAGE_IDENTITY_FILE"] = _key;
    }

    public void Dispose() => _tool.Dispose();

    [Fact]
    public void Recursive_lock_with_globs_then_unlock_round_trips()
    {
        var a = _tool.Write("cfg/a.json", RandomData.Bytes(5000));
        var b = _tool.Write("cfg/sub/b.json", RandomData.Bytes(70000));
        _tool.Write("cfg/sub/skip.json", "skip");
        _tool.Write("cfg/readme.md", "not a secret");

        var json = ToolAssert.Ok(_tool.Run("lock", "--recursive", "cfg", "--include", "*.json", "--exclude", "**/skip.json", "--json")).Json;

        Assert.Equal(2, json.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, json.GetProperty("failed").GetInt32());
        var outputs = json.GetProperty("files").EnumerateArray().Select(f => Path.GetFullPath(f.GetProperty("output").GetString()!, _tool.Work)).Order().ToArray();
        Assert.Equal(new[] { a + ".age", b + ".age" }, outputs);
        Assert.False(File.Exists(_tool.PathIn("cfg/sub/skip.json.age")));
        Assert.False(File.Exists(_tool.PathIn("cfg/readme.md.age")));
        Assert.True(File.Exists(a)); // originals kept by default

        var originalA = File.ReadAllBytes(a);
        var originalB = File.ReadAllBytes(b);
        File.Delete(a);
        File.Delete(b);
        var unlock = ToolAssert.Ok(_tool.Run("unlock", "--recursive", "cfg", "--json")).Json;
        Assert.Equal(2, unlock.GetProperty("succeeded").GetInt32());
        Assert.Equal(originalA, File.ReadAllBytes(a));
        Assert.Equal(originalB, File.ReadAllBytes(b));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(a));
    }

    [Fact]
    public void Never_overwrites_without_force_and_reports_partial_failure_with_exit_3()
    {
        _tool.Write("a.txt", "A");
        _tool.Write("b.txt", "B");
        ToolAssert.Ok(_tool.Run("lock", "a.txt"));
        var lockedA = File.ReadAllBytes(_tool.PathIn("a.txt.age"));

        var run = _tool.Run("lock", "a.txt", "b.txt", "--json");

        ToolAssert.Failed(run, 3, "CAGE028");
        var files = run.Json.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        Assert.False(files["a.txt"].GetProperty("ok").GetBoolean());
        Assert.Equal("CAGE028", files["a.txt"].GetProperty("error").GetProperty("code").GetString());
        Assert.True(files["b.txt"].GetProperty("ok").GetBoolean());
        Assert.Equal(lockedA, File.ReadAllBytes(_tool.PathIn("a.txt.age")));

        ToolAssert.Ok(_tool.Run("lock", "a.txt", "--force"));
        Assert.NotEqual(lockedA, File.ReadAllBytes(_tool.PathIn("a.txt.age")));

        ToolAssert.Failed(_tool.Run("unlock", "a.txt.age"), 1, "CAGE028");
        Assert.Equal("A", File.ReadAllText(_tool.PathIn("a.txt")));
    }

    [Fact]
    public void Remove_original_and_remove_encrypted_with_armor_and_custom_extension()
    {
        _tool.Write("s.txt", "secret");
        ToolAssert.Ok(_tool.Run("lock", "s.txt", "--armor", "--extension", ".enc", "--remove-original"));
        Assert.False(File.Exists(_tool.PathIn("s.txt")));
        Assert.StartsWith("-----BEGIN AGE ENCRYPTED FILE-----", File.ReadAllText(_tool.PathIn("s.txt.enc")));

        ToolAssert.Ok(_tool.Run("unlock", "s.txt.enc", "--extension", ".enc", "--remove-encrypted"));
        Assert.False(File.Exists(_tool.PathIn("s.txt.enc")));
        Assert.Equal("secret", File.ReadAllText(_tool.PathIn("s.txt")));
    }

    [Fact]
    public void Folder_without_recursive_is_a_usage_error_and_symlinks_are_not_followed()
    {
        _tool.Write("cfg/a.txt", "A");
        ToolAssert.Failed(_tool.Run("lock", "cfg"), 2, "CAGE030");

        var outside = _tool.Write("../outside/secret.txt", "outside");
        File.CreateSymbolicLink(_tool.PathIn("cfg/link.txt"), outside);
        Directory.CreateSymbolicLink(_tool.PathIn("cfg/linkdir"), Path.GetDirectoryName(outside)!);

        var json = ToolAssert.Ok(_tool.Run("lock", "--recursive", "cfg", "--json")).Json;
        Assert.Equal(1, json.GetProperty("succeeded").GetInt32());
        Assert.False(File.Exists(outside + ".age"));
        Assert.False(File.Exists(_tool.PathIn("cfg/link.txt.age")));
    }

    [Fact]
    public void Unlock_with_the_wrong_key_fails_every_file_with_exit_1_and_no_plaintext()
    {
        _tool.Write("a.txt", "A");
        ToolAssert.Ok(_tool.Run("lock", "a.txt", "--remove-original"));
        var (wrong, _) = _tool.NewKey("wrong.txt");

        ToolAssert.Failed(_tool.Run("unlock", "-i", wrong, "a.txt.age"), 1, "CAGE008");
        Assert.False(File.Exists(_tool.PathIn("a.txt")));
    }

    [Fact]
    public void Quiet_prints_nothing_on_success()
    {
        _tool.Write("a.txt", "A");
        var run = ToolAssert.Ok(_tool.Run("lock", "a.txt", "--quiet"));
        Assert.Equal("", run.StdoutText);
        Assert.Equal("", run.Stderr);
    }
}
