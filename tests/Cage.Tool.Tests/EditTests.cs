using Cage.Testing;

namespace Cage.Tool.Tests;

public sealed class EditTests : IDisposable
{
    private readonly ToolProcess _tool = new();
    private readonly string _key;
    private readonly string _tempRoot;

    public EditTests()
    {
        string recipient;
        (_key, recipient) = _tool.NewKey("key.txt");
        _tool.Write(".cage/recipients", recipient + "\n");
        _tool.Environment["CAGE_IDENTITY_FILE"] = _key;
        _tempRoot = Path.Combine(_tool.Dir.Path, "tmp");
        Directory.CreateDirectory(_tempRoot);
        _tool.Environment["CAGE_TEMP_DIR"] = _tempRoot;
        _tool.Write("s.txt", "line one\n");
        ToolAssert.Ok(_tool.Run("lock", "s.txt", "--remove-original"));
    }

    public void Dispose() => _tool.Dispose();

    private string Editor(string name, string body)
    {
        var path = Path.Combine(_tool.Dir.Path, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private string Decrypt() => AgeCli.Age("-d", "-i", _key, _tool.PathIn("s.txt.age")).EnsureSuccess().StdoutText;

    [Fact]
    public void Scripted_editor_change_is_re_encrypted_from_a_private_temp_file_that_is_removed()
    {
        var log = Path.Combine(_tool.Dir.Path, "editor.log");
        _tool.Environment["EDITOR"] = Editor("append.sh",
            $"stat -c '%a' \"$1\" > '{log}'; stat -c '%a' \"$(dirname \"$1\")\" >> '{log}'; echo \"$1\" >> '{log}'; echo 'line two' >> \"$1\"");

        var json = ToolAssert.Ok(_tool.Run("edit", "s.txt.age", "--json")).Json;

        Assert.True(json.GetProperty("changed").GetBoolean());
        Assert.Equal("line one\nline two\n", Decrypt());
        var lines = File.ReadAllLines(log);
        Assert.Equal("600", lines[0]);
        Assert.Equal("700", lines[1]);
        Assert.EndsWith("/s.txt", lines[2]); // the plaintext keeps its name for the editor
        Assert.False(File.Exists(lines[2]));
        Assert.Empty(Directory.GetFileSystemEntries(_tempRoot));
    }

    [Fact]
    public void Passphrase_file_is_edited_with_its_passphrase_and_secrets_stay_out_of_the_editor_environment()
    {
        _tool.Write("p.txt", "passphrase protected\n");
        _tool.Environment["CAGE_PASSPHRASE"] = "edit pass";
        ToolAssert.Ok(_tool.Run("lock", "-p", "p.txt", "--remove-original"));
        _tool.Environment["CAGE_IDENTITY"] = File.ReadAllText(_key);
        var envDump = Path.Combine(_tool.Dir.Path, "editor.env");
        _tool.Environment["EDITOR"] = Editor("env.sh", $"env > '{envDump}'; echo more >> \"$1\"");

        ToolAssert.Ok(_tool.Run("edit", "p.txt.age"));

        var env = File.ReadAllText(envDump);
        Assert.DoesNotContain("CAGE_PASSPHRASE", env);
        Assert.DoesNotContain("CAGE_IDENTITY=", env);
        Assert.DoesNotContain("edit pass", env);
        Assert.Contains("-> scrypt ", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(_tool.PathIn("p.txt.age"))[..100]));
        Assert.Equal("passphrase protected\nmore\n", ToolAssert.Ok(_tool.Run("decrypt", "p.txt.age")).StdoutText);
    }

    [Fact]
    public void Unchanged_file_is_left_byte_identical()
    {
        var before = File.ReadAllBytes(_tool.PathIn("s.txt.age"));
        _tool.Environment["VISUAL"] = Editor("noop.sh", "true");
        _tool.Environment["EDITOR"] = Editor("never.sh", "exit 99"); // VISUAL wins

        var run = ToolAssert.Ok(_tool.Run("edit", "s.txt.age"));

        Assert.Contains("no changes", run.StdoutText);
        Assert.Equal(before, File.ReadAllBytes(_tool.PathIn("s.txt.age")));
        Assert.Empty(Directory.GetFileSystemEntries(_tempRoot));
    }

    [Fact]
    public void Failing_editor_leaves_the_file_unchanged_and_removes_the_plaintext()
    {
        var before = File.ReadAllBytes(_tool.PathIn("s.txt.age"));
        _tool.Environment["EDITOR"] = Editor("fail.sh", "echo garbage >> \"$1\"; exit 3");

        ToolAssert.Failed(_tool.Run("edit", "s.txt.age"), 1, "CAGE050");

        Assert.Equal(before, File.ReadAllBytes(_tool.PathIn("s.txt.age")));
        Assert.Empty(Directory.GetFileSystemEntries(_tempRoot));
    }

    [Fact]
    public void Wrong_key_fails_before_the_editor_runs()
    {
        var marker = Path.Combine(_tool.Dir.Path, "ran");
        _tool.Environment["EDITOR"] = Editor("mark.sh", $"touch '{marker}'");
        var (wrong, _) = _tool.NewKey("wrong.txt");

        ToolAssert.Failed(_tool.Run("edit", "-i", wrong, "s.txt.age"), 1, "CAGE008");

        Assert.False(File.Exists(marker));
        Assert.Empty(Directory.GetFileSystemEntries(_tempRoot));
    }
}
