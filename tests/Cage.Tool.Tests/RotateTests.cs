using Cage.Testing;

namespace Cage.Tool.Tests;

public sealed class RotateTests : IDisposable
{
    private readonly ToolProcess _tool = new();
    private readonly string _oldKey;
    private readonly string _oldRecipient;

    public RotateTests()
    {
        (_oldKey, _oldRecipient) = _tool.NewKey("old.txt");
        _tool.Write(".cage/recipients", _oldRecipient + "\n");
        _tool.Environment["CAGE_IDENTITY_FILE"] = _oldKey;
    }

    public void Dispose() => _tool.Dispose();

    private Dictionary<string, byte[]> LockSome(int count)
    {
        for (var i = 0; i < count; i++)
            _tool.Write($"s/f{i}.txt", RandomData.Bytes(1000 + i, seed: i));
        ToolAssert.Ok(_tool.Run("lock", "--recursive", "s", "--remove-original"));
        return Snapshot();
    }

    private Dictionary<string, byte[]> Snapshot() =>
        Directory.GetFiles(_tool.PathIn("s"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

    [Fact]
    public void Rotate_to_a_new_recipient_set_verifies_deep_when_our_key_stays()
    {
        LockSome(3);
        var (newKey, newRecipient) = _tool.NewKey("new.txt");
        _tool.Write(".cage/recipients", $"{_oldRecipient}\n{newRecipient}\n");

        var json = ToolAssert.Ok(_tool.Run("rotate", "--json")).Json;

        Assert.True(json.GetProperty("committed").GetBoolean());
        Assert.All(json.GetProperty("files").EnumerateArray(), f => Assert.Equal("deep", f.GetProperty("verification").GetString()));
        for (var i = 0; i < 3; i++)
        {
            var plain = AgeCli.Age("-d", "-i", newKey, _tool.PathIn($"s/f{i}.txt.age")).EnsureSuccess().Stdout;
            Assert.Equal(RandomData.Bytes(1000 + i, seed: i), plain);
        }
        Assert.Equal(3, Directory.GetFiles(_tool.PathIn("s")).Length); // no staged or backup files left
    }

    [Fact]
    public void Rotate_away_from_our_key_verifies_by_header_and_locks_us_out()
    {
        LockSome(2);
        var (newKey, newRecipient) = _tool.NewKey("new.txt");

        var json = ToolAssert.Ok(_tool.Run("rotate", "-r", newRecipient, "--json")).Json;

        Assert.All(json.GetProperty("files").EnumerateArray(), f => Assert.Equal("header", f.GetProperty("verification").GetString()));
        Assert.NotEqual(0, AgeCli.Age("-d", "-i", _oldKey, _tool.PathIn("s/f0.txt.age")).ExitCode);
        AgeCli.Age("-d", "-i", newKey, _tool.PathIn("s/f0.txt.age")).EnsureSuccess();
    }

    [Fact]
    public void Dry_run_changes_nothing()
    {
        var before = LockSome(2);
        var (_, newRecipient) = _tool.NewKey("new.txt");

        var run = ToolAssert.Ok(_tool.Run("rotate", "--dry-run", "-r", newRecipient, "--json"));

        Assert.False(run.Json.GetProperty("committed").GetBoolean());
        Assert.True(run.Json.GetProperty("dryRun").GetBoolean());
        AssertUnchanged(before);
    }

    [Fact]
    public void One_file_the_old_key_cannot_decrypt_rolls_back_every_file()
    {
        LockSome(4);
        var (_, strangerRecipient) = _tool.NewKey("stranger.txt");
        _tool.Write("s/zz.txt", "not ours");
        AgeCli.Age("-e", "-r", strangerRecipient, "-o", _tool.PathIn("s/zz.txt.age"), _tool.PathIn("s/zz.txt")).EnsureSuccess();
        File.Delete(_tool.PathIn("s/zz.txt"));
        var before = Snapshot();
        var (_, newRecipient) = _tool.NewKey("new.txt");

        var run = _tool.Run("rotate", "-r", newRecipient, "--json");

        ToolAssert.Failed(run, 1, "CAGE008");
        Assert.False(run.Json.GetProperty("committed").GetBoolean());
        AssertUnchanged(before);
    }

    [Fact]
    public void Age_failing_on_the_third_encryption_rolls_back_every_file()
    {
        var before = LockSome(4);
        var (_, newRecipient) = _tool.NewKey("new.txt");
        var fakeAge = FakeAge.FailingOnNthEncrypt(_tool.Dir.Path, 3);
        _tool.Environment["CAGE_AGE_PATH"] = fakeAge;

        var run = _tool.Run("rotate", "-r", newRecipient, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.False(run.Json.GetProperty("committed").GetBoolean());
        Assert.Equal(1, run.Json.GetProperty("files").EnumerateArray().Count(f => !f.GetProperty("ok").GetBoolean()));
        AssertUnchanged(before);
    }

    private void AssertUnchanged(Dictionary<string, byte[]> before)
    {
        var after = Snapshot();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (path, bytes) in before)
            Assert.Equal(bytes, after[path]);
    }
}
