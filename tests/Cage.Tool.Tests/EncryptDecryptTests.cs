using Cage.Testing;

namespace Cage.Tool.Tests;

public sealed class EncryptDecryptTests : IDisposable
{
    private readonly ToolProcess _tool = new();

    public void Dispose() => _tool.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65537)]
    [InlineData(3 * 1024 * 1024 + 7)]
    public void Files_round_trip_byte_for_byte(int size)
    {
        var (key, recipient) = _tool.NewKey("key.txt");
        var data = RandomData.Bytes(size);
        _tool.Write("plain.bin", data);

        ToolAssert.Ok(_tool.Run("encrypt", "-r", recipient, "-o", "plain.bin.age", "plain.bin"));
        ToolAssert.Ok(_tool.Run("decrypt", "-i", key, "-o", "out.bin", "plain.bin.age"));

        Assert.Equal(data, File.ReadAllBytes(_tool.PathIn("out.bin")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_tool.PathIn("out.bin")));
    }

    [Fact]
    public void Stdin_to_stdout_armored_round_trip_and_interop_with_plain_age()
    {
        var (key, recipient) = _tool.NewKey("key.txt");
        var data = RandomData.Bytes(100_000);

        var encrypted = ToolAssert.Ok(_tool.RunWith(data, "encrypt", "-a", "-r", recipient));
        Assert.StartsWith("-----BEGIN AGE ENCRYPTED FILE-----", encrypted.StdoutText);
        var byAge = AgeCli.Age(encrypted.Stdout, "-d", "-i", key).EnsureSuccess();
        Assert.Equal(data, byAge.Stdout);

        var fromAge = AgeCli.Age(data, "-e", "-r", recipient).EnsureSuccess();
        var decrypted = ToolAssert.Ok(_tool.RunWith(fromAge.Stdout, "decrypt", "-i", key));
        Assert.Equal(data, decrypted.Stdout);
    }

    [Fact]
    public void Recipients_file_and_identity_file_variable_work()
    {
        var (key, recipient) = _tool.NewKey("key.txt");
        var (_, other) = _tool.NewKey("other.txt");
        _tool.Write("recipients", $"# team\r\n{recipient}\r\n\r\n{other}\r\n");
        _tool.Write("a.txt", "hello");
        ToolAssert.Ok(_tool.Run("encrypt", "-R", "recipients", "-o", "a.age", "a.txt"));
        _tool.Environment["CAGE_IDENTITY_FILE"] = key;
        Assert.Equal("hello", ToolAssert.Ok(_tool.Run("decrypt", "a.age")).StdoutText);
    }

    [Fact]
    public void Wrong_identity_fails_with_code_and_writes_no_output()
    {
        var (_, recipient) = _tool.NewKey("key.txt");
        var (wrong, _) = _tool.NewKey("wrong.txt");
        _tool.Write("a.txt", "hello");
        ToolAssert.Ok(_tool.Run("encrypt", "-r", recipient, "-o", "a.age", "a.txt"));

        var run = _tool.Run("decrypt", "-i", wrong, "-o", "out.txt", "a.age");

        ToolAssert.Failed(run, 1, "CAGE008");
        Assert.False(File.Exists(_tool.PathIn("out.txt")));
        Assert.DoesNotContain(Directory.GetFiles(_tool.Work), f => f.Contains(".cage-"));
    }

    [Fact]
    public void No_recipient_malformed_recipient_and_missing_input_have_codes()
    {
        _tool.Write("a.txt", "hello");
        ToolAssert.Failed(_tool.Run("encrypt", "-o", "a.age", "a.txt"), 1, "CAGE004");
        ToolAssert.Failed(_tool.Run("encrypt", "-r", "age1notakey", "-o", "a.age", "a.txt"), 1, "CAGE003");
        var (_, recipient) = _tool.NewKey("key.txt");
        ToolAssert.Failed(_tool.Run("encrypt", "-r", recipient, "-o", "a.age", "missing.txt"), 1, "CAGE014");
        Assert.False(File.Exists(_tool.PathIn("a.age")));
    }

    [Fact]
    public void Unknown_option_is_a_usage_error()
    {
        var unknown = _tool.Run("encrypt", "--no-such-option");
        ToolAssert.Failed(unknown, 2, "CAGE030");
        Assert.Equal("", unknown.StdoutText); // stdout stays clean for --json consumers
        ToolAssert.Failed(_tool.Run("no-such-command"), 2, "CAGE030");
        ToolAssert.Failed(_tool.Run("edit"), 2, "CAGE030"); // missing required argument
        Assert.Equal(2, _tool.Run().ExitCode);
    }

    [Fact]
    public void Binary_output_to_a_terminal_is_refused_but_armor_is_allowed()
    {
        var (_, recipient) = _tool.NewKey("key.txt");
        _tool.Write("a.txt", "hello");

        var binary = Terminal.Run(_tool, _tool.ShellCommand("encrypt", "-r", recipient, "a.txt"));
        Assert.Equal(1, binary.ExitCode);
        Assert.Contains("(CAGE027)", binary.Output);

        var armored = Terminal.Run(_tool, _tool.ShellCommand("encrypt", "-a", "-r", recipient, "a.txt"));
        Assert.Equal(0, armored.ExitCode);
        Assert.Contains("-----BEGIN AGE ENCRYPTED FILE-----", armored.Output);

        var explicitDash = Terminal.Run(_tool, _tool.ShellCommand("encrypt", "-o", "-", "-r", recipient, "a.txt"));
        Assert.Equal(0, explicitDash.ExitCode);
        Assert.Contains("age-encryption.org/v1", explicitDash.Output);
    }
}
