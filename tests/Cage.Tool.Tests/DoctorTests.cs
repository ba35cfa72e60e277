using Cage.Testing;

namespace Cage.Tool.Tests;

public sealed class DoctorTests : IDisposable
{
    private readonly ToolProcess _tool = new();

    public void Dispose() => _tool.Dispose();

    [Fact]
    public void Doctor_json_shows_binaries_sources_and_identities_but_never_secrets()
    {
        var (key, recipient) = _tool.NewKey("key.txt");
        var secret = File.ReadAllText(key);
        _tool.Write(".cage/config", "extension = .enc\nstrategy = tempfile\n");
        _tool.Write(".cage/recipients", recipient + "\n");
        Directory.CreateDirectory(Path.Combine(_tool.ConfigHome, "cage"));
        File.WriteAllText(Path.Combine(_tool.ConfigHome, "cage", "config"), "extension = .user\nstrategy = pipe\n");
        _tool.Environment["CAGE_STREAMING_STRATEGY"] = "pipe";
        _tool.Environment["CAGE_IDENTITY"] = secret;

        var run = ToolAssert.Ok(_tool.Run("doctor", "--json"));

        var json = run.Json;
        Assert.True(json.GetProperty("ok").GetBoolean());
        Assert.Equal(AgeCli.AgePath, json.GetProperty("age").GetProperty("path").GetString());
        Assert.StartsWith("1.", json.GetProperty("age").GetProperty("version").GetString());
        Assert.Equal(AgeCli.KeygenPath, json.GetProperty("ageKeygen").GetProperty("path").GetString());
        var config = json.GetProperty("configuration");
        Assert.Equal(".enc", config.GetProperty("extension").GetProperty("value").GetString());
        Assert.Equal(_tool.PathIn(".cage/config"), config.GetProperty("extension").GetProperty("source").GetString());
        Assert.Equal("pipe", config.GetProperty("strategy").GetProperty("value").GetString());
        Assert.Equal("CAGE_STREAMING_STRATEGY", config.GetProperty("strategy").GetProperty("source").GetString());
        Assert.Equal("pipe", json.GetProperty("strategyInUse").GetString());
        Assert.True(json.GetProperty("pty").GetBoolean());
        Assert.Equal(_tool.PathIn(".cage/recipients"), config.GetProperty("recipientsFile").GetProperty("value").GetString());
        var identities = json.GetProperty("identities").EnumerateArray().ToDictionary(i => i.GetProperty("source").GetString()!);
        Assert.True(identities["CAGE_IDENTITY"].GetProperty("found").GetBoolean());
        Assert.False(identities["default key file"].GetProperty("found").GetBoolean());
        Assert.DoesNotContain("AGE-SECRET-KEY", run.StdoutText + run.Stderr);

        var text = ToolAssert.Ok(_tool.Run("doctor"));
        Assert.Contains("(from CAGE_STREAMING_STRATEGY; in use: pipe)", text.StdoutText);
        Assert.DoesNotContain("AGE-SECRET-KEY", text.StdoutText + text.Stderr);
    }

    [Fact]
    public void Doctor_without_age_fails_and_names_the_code()
    {
        _tool.Environment["CAGE_AGE_PATH"] = Path.Combine(_tool.Dir.Path, "no-age-here");
        var run = _tool.Run("doctor", "--json");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("CAGE001", run.Json.GetProperty("age").GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public void Flags_override_environment_which_overrides_files()
    {
        var (key, recipient) = _tool.NewKey("key.txt");
        _tool.Write(".cage/recipients", recipient + "\n");
        _tool.Write(".cage/config", "extension = .repo\n");
        _tool.Write("a.txt", "A");
        _tool.Write("b.txt", "B");
        _tool.Write("c.txt", "C");

        ToolAssert.Ok(_tool.Run("lock", "a.txt"));
        _tool.Environment["CAGE_EXTENSION"] = ".env";
        ToolAssert.Ok(_tool.Run("lock", "b.txt"));
        ToolAssert.Ok(_tool.Run("lock", "c.txt", "--extension", ".flag"));

        Assert.True(File.Exists(_tool.PathIn("a.txt.repo")));
        Assert.True(File.Exists(_tool.PathIn("b.txt.env")));
        Assert.True(File.Exists(_tool.PathIn("c.txt.flag")));
        _ = key;
    }
}
