using Cage.Testing;

namespace Cage.Tool.Tests;

public sealed class KeygenInitTests : IDisposable
{
    private readonly ToolProcess _tool = new();

    public void Dispose() => _tool.Dispose();

    [Fact]
    public void Keygen_writes_the_default_key_0600_in_a_0700_folder_and_prints_its_recipient()
    {
        var run = ToolAssert.Ok(_tool.Run("keygen"));

        var key = _tool.DefaultKeyFile;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(key)!));
        var derived = AgeCli.Run(AgeCli.KeygenPath, new[] { "-y", key }).EnsureSuccess().StdoutText.Trim();
        Assert.Equal(derived, run.StdoutText.Trim());
        Assert.DoesNotContain("AGE-SECRET-KEY", run.StdoutText + run.Stderr);
    }

    [Fact]
    public void Keygen_refuses_to_overwrite_without_force()
    {
        ToolAssert.Ok(_tool.Run("keygen", "-o", "k.txt"));
        var before = File.ReadAllBytes(_tool.PathIn("k.txt"));

        ToolAssert.Failed(_tool.Run("keygen", "-o", "k.txt"), 1, "CAGE028");
        Assert.Equal(before, File.ReadAllBytes(_tool.PathIn("k.txt")));

        var json = ToolAssert.Ok(_tool.Run("keygen", "-o", "k.txt", "--force", "--json")).Json;
        Assert.NotEqual(before, File.ReadAllBytes(_tool.PathIn("k.txt")));
        Assert.Equal(_tool.PathIn("k.txt"), json.GetProperty("path").GetString());
        Assert.StartsWith("age1", json.GetProperty("recipient").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_tool.PathIn("k.txt")));
    }

    [Fact]
    public void Keygen_y_derives_the_recipient_from_a_file_and_from_stdin()
    {
        var (key, recipient) = _tool.NewKey("key.txt");
        Assert.Equal(recipient, ToolAssert.Ok(_tool.Run("keygen", "-y", key)).StdoutText.Trim());
        Assert.Equal(recipient, ToolAssert.Ok(_tool.RunWith(File.ReadAllBytes(key), "keygen", "-y")).StdoutText.Trim());
        ToolAssert.Failed(_tool.Run("keygen", "-y", "missing.txt"), 1, "CAGE014");
    }

    [Fact]
    public void Init_uses_the_default_key_writes_config_and_prints_the_msbuild_snippet()
    {
        var recipient = ToolAssert.Ok(_tool.Run("keygen")).StdoutText.Trim();

        var run = ToolAssert.Ok(_tool.Run("init"));

        Assert.Contains("<CageDecrypt Include=", run.StdoutText);
        var recipients = File.ReadAllText(_tool.PathIn(".cage/recipients"));
        Assert.Contains(recipient, recipients);
        Assert.Contains("extension = .age", File.ReadAllText(_tool.PathIn(".cage/config")));
        ToolAssert.Failed(_tool.Run("init"), 1, "CAGE028");
    }

    [Fact]
    public void Init_json_with_explicit_recipients_and_extension()
    {
        var (_, r1) = _tool.NewKey("a.txt");
        var (_, r2) = _tool.NewKey("b.txt");

        var json = ToolAssert.Ok(_tool.Run("init", "-r", r1, "-r", r2, "--extension", "enc", "--json")).Json;

        Assert.Equal(new[] { r1, r2 }, json.GetProperty("recipients").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Contains("appsettings.Production.json.enc\" TargetPath=\"appsettings.Production.json\"", json.GetProperty("msbuild").GetString());
        // The configured extension is what lock uses from now on.
        _tool.Write("s.json", "{}");
        ToolAssert.Ok(_tool.Run("lock", "s.json"));
        Assert.True(File.Exists(_tool.PathIn("s.json.enc")));
    }

    [Fact]
    public void Help_on_every_command_has_examples_and_version_prints()
    {
        foreach (var command in new[] { "encrypt", "decrypt", "keygen", "init", "status", "verify", "lock", "unlock", "rotate", "edit", "doctor" })
        {
            var run = ToolAssert.Ok(_tool.Run(command, "--help"));
            Assert.Contains("Examples:", run.StdoutText);
            Assert.Contains("dotnet cage " + command, run.StdoutText);
        }
        Assert.Matches(@"\d+\.\d+\.\d+", ToolAssert.Ok(_tool.Run("--version")).StdoutText);
    }
}
