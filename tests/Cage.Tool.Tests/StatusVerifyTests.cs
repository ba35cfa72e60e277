using System.Text.Json;
using Cage.Testing;

namespace Cage.Tool.Tests;

public sealed class StatusVerifyTests : IDisposable
{
    private readonly ToolProcess _tool = new();
    private readonly string _key;
    private readonly string _recipient;

    public StatusVerifyTests()
    {
        (_key, _recipient) = _tool.NewKey("key.txt");
        _tool.Write(".cage/recipients", _recipient + "\n");
        _tool.Environment["CAGE_IDENTITY_FILE"] = _key;
    }

    public void Dispose() => _tool.Dispose();

    [Fact]
    public void Status_judges_by_header_and_reports_each_state()
    {
        _tool.Write("locked.json", "{}");
        _tool.Write("stale.json", "{}");
        _tool.Write("gone.json", "{}");
        _tool.Write("new.json", "{}");
        ToolAssert.Ok(_tool.Run("lock", "locked.json", "stale.json", "gone.json"));
        File.Delete(_tool.PathIn("gone.json"));
        File.SetLastWriteTimeUtc(_tool.PathIn("stale.json"), DateTime.UtcNow.AddMinutes(5));
        _tool.Write("fake.json.age", "not encrypted at all");
        // Encrypted content under a name that says nothing: found by its header.
        File.Copy(_tool.PathIn("locked.json.age"), _tool.PathIn("misnamed.bin"));
        AgeCli.Run(AgeCli.AgePath, new[] { "-e", "-a", "-r", _recipient, "-o", _tool.PathIn("armored.txt"), _tool.PathIn("new.json") }).EnsureSuccess();
        File.Delete(_tool.PathIn("new.json"));
        _tool.Write("plain.json", "{}");

        var json = ToolAssert.Ok(_tool.Run("status", "--include", "*.json", "--json")).Json;

        var states = json.GetProperty("files").EnumerateArray().ToDictionary(f => Path.GetFileName(f.GetProperty("path").GetString()!), f => f);
        Assert.Equal("unlocked", State(states["locked.json.age"]));
        Assert.Equal("stale", State(states["stale.json.age"]));
        Assert.Equal("encrypted", State(states["gone.json.age"]));
        Assert.Equal("not-age", State(states["fake.json.age"]));
        Assert.Equal("encrypted", State(states["misnamed.bin"]));
        Assert.Equal("armored", states["armored.txt"].GetProperty("format").GetString());
        Assert.Equal("X25519", states["armored.txt"].GetProperty("recipients")[0].GetString());
        Assert.Equal("unencrypted", State(states["plain.json"]));
        Assert.False(states.ContainsKey("locked.json")); // a plaintext with its ciphertext is reported through the ciphertext
    }

    private static string? State(JsonElement e) => e.GetProperty("state").GetString();

    [Fact]
    public void Verify_checks_headers_and_deep_decrypts()
    {
        _tool.Write("a.txt", "A");
        _tool.Write("b.txt", "B");
        ToolAssert.Ok(_tool.Run("lock", "a.txt", "b.txt"));

        var ok = ToolAssert.Ok(_tool.Run("verify", "--json")).Json;
        Assert.Equal(2, ok.GetProperty("succeeded").GetInt32());
        ToolAssert.Ok(_tool.Run("verify", "--deep", "a.txt.age", "b.txt.age"));

        var (wrong, _) = _tool.NewKey("wrong.txt");
        ToolAssert.Failed(_tool.Run("verify", "--deep", "-i", wrong, "a.txt.age"), 1, "CAGE008");
    }

    [Fact]
    public void Verify_reports_a_corrupted_file_among_good_ones_with_exit_3()
    {
        _tool.Write("a.txt", "A");
        _tool.Write("b.txt", RandomData.Bytes(10000));
        ToolAssert.Ok(_tool.Run("lock", "a.txt", "b.txt"));
        var bytes = File.ReadAllBytes(_tool.PathIn("b.txt.age"));
        File.WriteAllBytes(_tool.PathIn("b.txt.age"), bytes[..^100]); // truncated payload: header still fine

        ToolAssert.Ok(_tool.Run("verify", "a.txt.age", "b.txt.age"));
        var deep = _tool.Run("verify", "--deep", "a.txt.age", "b.txt.age", "--json");
        Assert.Equal(3, deep.ExitCode);
        var failed = deep.Json.GetProperty("files").EnumerateArray().Single(f => !f.GetProperty("ok").GetBoolean());
        Assert.Equal("b.txt.age", failed.GetProperty("path").GetString());

        _tool.Write("c.txt.age", "age-encryption.org/v1\n-> X25519 abc\n"); // header cut short
        var header = _tool.Run("verify", "c.txt.age");
        ToolAssert.Failed(header, 1, "CAGE010");
    }
}
