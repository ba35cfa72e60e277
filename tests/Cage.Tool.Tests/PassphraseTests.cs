using Cage.Testing;

namespace Cage.Tool.Tests;

public sealed class PassphraseTests : IDisposable
{
    private readonly ToolProcess _tool = new();

    public void Dispose() => _tool.Dispose();

    [Fact]
    public void Encrypt_with_CAGE_PASSPHRASE_decrypt_recognises_scrypt_by_header_from_a_file_and_stdin()
    {
        var data = RandomData.Bytes(70_000);
        _tool.Write("s.bin", data);
        _tool.Environment["CAGE_PASSPHRASE"] = "correct horse";

        ToolAssert.Ok(_tool.Run("encrypt", "-p", "-o", "s.bin.age", "s.bin"));

        Assert.Contains("-> scrypt ", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(_tool.PathIn("s.bin.age"))[..200]));
        Assert.Equal(data, ToolAssert.Ok(_tool.Run("decrypt", "s.bin.age")).Stdout);
        Assert.Equal(data, ToolAssert.Ok(_tool.RunWith(File.ReadAllBytes(_tool.PathIn("s.bin.age")), "decrypt", "--strategy", "tempfile")).Stdout);
        _tool.Environment["CAGE_PASSPHRASE"] = "wrong";
        ToolAssert.Failed(_tool.Run("decrypt", "-o", "out.bin", "s.bin.age"), 1, "CAGE009");
        Assert.False(File.Exists(_tool.PathIn("out.bin")));
    }

    [Fact]
    public void Lock_unlock_with_a_passphrase_file_and_rotate_to_a_new_passphrase()
    {
        _tool.Write("pw", "first pass\n");
        _tool.Write("pw2", "second pass\n");
        _tool.Write("a.txt", "A");
        _tool.Write("b.txt", "B");
        ToolAssert.Ok(_tool.Run("lock", "-p", "--passphrase-file", "pw", "a.txt", "b.txt", "--remove-original"));

        var rotate = ToolAssert.Ok(_tool.Run("rotate", "-p", "--passphrase-file", "pw", "--new-passphrase-file", "pw2", "--json")).Json;
        Assert.All(rotate.GetProperty("files").EnumerateArray(), f => Assert.Equal("deep", f.GetProperty("verification").GetString()));

        ToolAssert.Failed(_tool.Run("unlock", "--passphrase-file", "pw", "a.txt.age"), 1, "CAGE009");
        ToolAssert.Ok(_tool.Run("unlock", "--passphrase-file", "pw2", "a.txt.age", "b.txt.age"));
        Assert.Equal("A", File.ReadAllText(_tool.PathIn("a.txt")));
        Assert.Equal("B", File.ReadAllText(_tool.PathIn("b.txt")));
    }

    [Fact]
    public void A_passphrase_on_the_command_line_is_refused_with_a_hint()
    {
        _tool.Write("a.txt", "A");
        ToolAssert.Failed(_tool.Run("encrypt", "--passphrase", "hunter2", "a.txt"), 2, "CAGE030");
        ToolAssert.Failed(_tool.Run("lock", "--passphrase=hunter2", "a.txt"), 2, "CAGE030");
        Assert.False(File.Exists(_tool.PathIn("a.txt.age")));
    }

    [Fact]
    public void Without_a_terminal_variable_or_file_there_is_no_passphrase()
    {
        _tool.Write("a.txt", "A");
        var run = _tool.RunDetached("lock", "-p", "a.txt");
        ToolAssert.Failed(run, 1, "CAGE026");
        Assert.False(File.Exists(_tool.PathIn("a.txt.age")));
    }

    [Fact]
    public void Interactive_prompt_on_a_real_terminal_asks_twice_and_decrypt_asks_once()
    {
        _tool.Write("a.txt", "typed secret");
        using (var terminal = new Tmux(_tool, _tool.ShellCommand("lock", "-p", "a.txt")))
        {
            terminal.WaitForScreen("Enter passphrase:");
            terminal.Type("tmux pass");
            terminal.WaitForScreen("Confirm passphrase:");
            terminal.Type("tmux pass");
            Assert.Equal(0, terminal.WaitForExit());
            Assert.DoesNotContain("tmux pass", terminal.Screen()); // echo was off
        }
        using (var terminal = new Tmux(_tool, _tool.ShellCommand("decrypt", "a.txt.age")))
        {
            terminal.WaitForScreen("Enter passphrase:");
            terminal.Type("tmux pass");
            Assert.Equal(0, terminal.WaitForExit());
            Assert.DoesNotContain("Confirm", terminal.Screen());
        }
        Assert.Equal("typed secret", File.ReadAllText(Path.Combine(_tool.Dir.Path, "tmux-stdout")));
    }

    [Fact]
    public void Unlocking_several_passphrase_files_asks_once()
    {
        _tool.Write("a.txt", "A");
        _tool.Write("b.txt", "B");
        _tool.Environment["CAGE_PASSPHRASE"] = "batch pass";
        ToolAssert.Ok(_tool.Run("lock", "-p", "a.txt", "b.txt", "--remove-original"));
        _tool.Environment.Remove("CAGE_PASSPHRASE");

        using var terminal = new Tmux(_tool, _tool.ShellCommand("unlock", "a.txt.age", "b.txt.age"));
        terminal.WaitForScreen("Enter passphrase:");
        terminal.Type("batch pass");

        Assert.Equal(0, terminal.WaitForExit());
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(terminal.Screen(), "Enter passphrase:"));
        Assert.Equal("A", File.ReadAllText(_tool.PathIn("a.txt")));
        Assert.Equal("B", File.ReadAllText(_tool.PathIn("b.txt")));
    }

    [Fact]
    public void Mismatched_confirmation_fails_and_writes_nothing()
    {
        _tool.Write("a.txt", "A");
        using var terminal = new Tmux(_tool, _tool.ShellCommand("lock", "-p", "a.txt"));
        terminal.WaitForScreen("Enter passphrase:");
        terminal.Type("one thing");
        terminal.WaitForScreen("Confirm passphrase:");
        terminal.Type("another");

        Assert.Equal(1, terminal.WaitForExit());
        Assert.Contains("(CAGE025)", terminal.Screen());
        Assert.False(File.Exists(_tool.PathIn("a.txt.age")));
    }
}
