using Cage.Testing;

namespace Cage.Tool.Tests;

public sealed class ProgressTests : IDisposable
{
    private readonly ToolProcess _tool = new();

    public ProgressTests()
    {
        var (_, recipient) = _tool.NewKey("key.txt");
        _tool.Write(".cage/recipients", recipient + "\n");
        _tool.Write("d/a.bin", RandomData.Bytes(200_000));
        _tool.Write("d/b.bin", RandomData.Bytes(300_000));
    }

    public void Dispose() => _tool.Dispose();

    [Fact]
    public void Progress_bar_is_drawn_on_a_terminal()
    {
        var run = Terminal.Run(_tool, _tool.ShellCommand("lock", "--recursive", "d"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2/2 files", run.Output);
        Assert.Contains("[########################]", run.Output);
        Assert.Contains("ETA", run.Output);
    }

    [Fact]
    public void A_large_single_file_gets_a_bar_on_a_terminal_and_a_small_one_does_not()
    {
        _tool.Write("big.bin", RandomData.Bytes(3 * 1024 * 1024));

        var big = Terminal.Run(_tool, _tool.ShellCommand("encrypt", "-o", "big.bin.age", "big.bin"));
        Assert.Equal(0, big.ExitCode);
        Assert.Contains("3.0 MiB/3.0 MiB", big.Output);

        var small = Terminal.Run(_tool, _tool.ShellCommand("encrypt", "-o", "a.bin.age", "d/a.bin"));
        Assert.Equal(0, small.ExitCode);
        Assert.DoesNotContain("ETA", small.Output);
    }

    [Fact]
    public void Progress_bar_is_absent_on_a_pipe_and_with_quiet()
    {
        var run = ToolAssert.Ok(_tool.Run("lock", "--recursive", "d"));
        Assert.DoesNotContain("ETA", run.Stderr);
        Assert.DoesNotContain("\r", run.Stderr);
        Assert.Equal("", run.Stderr);

        var quiet = Terminal.Run(_tool, _tool.ShellCommand("lock", "--recursive", "d", "--force", "--quiet"));
        Assert.Equal(0, quiet.ExitCode);
        Assert.DoesNotContain("ETA", quiet.Output);
    }

    [Fact]
    public void Errors_are_coloured_on_a_terminal_unless_NO_COLOR()
    {
        var coloured = Terminal.Run(_tool, _tool.ShellCommand("decrypt", "missing.age"));
        Assert.Contains("\u001b[31mcage: error:", coloured.Output);

        _tool.Environment["NO_COLOR"] = "1";
        var plain = Terminal.Run(_tool, _tool.ShellCommand("decrypt", "missing.age"));
        Assert.Contains("cage: error:", plain.Output);
        Assert.DoesNotContain("\u001b[31m", plain.Output);
        Assert.DoesNotContain("\u001b[33m", plain.Output);
    }
}
