using System.ComponentModel;
using Cage.Adapter.Pty;
using Cage.Testing;

namespace Cage.Adapter.Tests.Pty;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SpawnedProcessTests
{
    private const string Shell = "/bin/sh";

    [Fact]
    public async Task Terminal_is_the_controlling_terminal_while_stdio_stays_piped()
    {
        using var run = new PtyHarness(Shell, new[] { "-c", "ps -o tty= -p $$; tty; read x < /dev/tty; echo \"got:$x\"" });
        await Task.Delay(50);
        run.Type("hello\n");
        var status = await run.ExitAsync();
        var lines = (await run.StdoutText).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new ExitStatus(0, null), status);
        Assert.Equal(run.Terminal.SlavePath, "/dev/" + lines[0].Trim()); // the session's controlling terminal
        Assert.Equal("not a tty", lines[1]); // stdin is our pipe, not the terminal
        Assert.Equal("got:hello", lines[2]);
    }

    [Fact]
    public async Task Terminal_can_also_be_stdin_and_stdout_and_does_not_echo()
    {
        using var run = new PtyHarness(Shell, new[] { "-c", "tty; read x; echo \"got:$x\"" }, terminalAsStdio: true);
        var shown = run.ReadTerminalUntil(run.Terminal.SlavePath);
        run.Type("secret-word\n");
        shown += run.ReadTerminalUntil("got:secret-word");
        Assert.Equal(new ExitStatus(0, null), await run.ExitAsync());
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(shown, "secret-word")); // only the echo command, not the terminal
    }

    [Fact]
    public void New_terminal_has_echo_off_unless_asked()
    {
        using var quiet = PseudoTerminal.Open();
        using var loud = PseudoTerminal.Open(echo: true);
        Assert.False(quiet.EchoEnabled);
        Assert.True(loud.EchoEnabled);
        Assert.StartsWith("/dev/pts/", quiet.SlavePath);
        Assert.NotEqual(quiet.SlavePath, loud.SlavePath);
    }

    [Fact]
    public async Task Exit_code_is_reported()
    {
        using var run = new PtyHarness(Shell, new[] { "-c", "exit 7" });
        Assert.Equal(new ExitStatus(7, null), await run.ExitAsync());
    }

    [Fact]
    public async Task Killing_signal_is_reported()
    {
        using var run = new PtyHarness(Shell, new[] { "-c", "kill -TERM $$; sleep 5" });
        var status = await run.ExitAsync();
        Assert.Equal(new ExitStatus(null, 15), status);
        Assert.Equal(143, status.ShellCode);
    }

    [Fact]
    public async Task Child_starts_with_default_signal_dispositions_and_empty_mask()
    {
        // .NET ignores SIGPIPE; age must not inherit that (it would then see EPIPE writes instead of dying quietly).
        using var run = new PtyHarness(Shell, new[] { "-c", "grep -E '^(SigIgn|SigBlk)' /proc/self/status" });
        await run.ExitAsync();
        var masks = (await run.StdoutText).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':')).ToDictionary(parts => parts[0], parts => Convert.ToUInt64(parts[1].Trim(), 16));
        Assert.Equal(0UL, masks["SigBlk"]);
        foreach (var signal in new[] { 1, 2, 3, 13, 15 }) // HUP, INT, QUIT, PIPE, TERM
            Assert.True((masks["SigIgn"] & (1UL << (signal - 1))) == 0, $"signal {signal} is ignored in the child");
    }

    [Fact]
    public async Task Child_gets_exactly_the_given_environment()
    {
        var environment = new Dictionary<string, string> { ["ONLY_THIS"] = "value with spaces", ["PATH"] = "/usr/bin:/bin" };
        using var run = new PtyHarness("/usr/bin/env", Array.Empty<string>(), environment);
        await run.ExitAsync();
        var lines = (await run.StdoutText).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order().ToArray();
        Assert.Equal(new[] { "ONLY_THIS=value with spaces", "PATH=/usr/bin:/bin" }, lines);
    }

    [Fact]
    public async Task Child_inherits_none_of_our_terminal_or_pipe_descriptors()
    {
        // The test host may pass unrelated descriptors down; ours (master, parent's slave, our pipe ends) must not be.
        using var run = new PtyHarness("/usr/bin/find", new[] { "/proc/self/fd", "-mindepth", "1", "-printf", "%f %l\\n" });
        await run.ExitAsync();
        var links = (await run.StdoutText).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2)).ToDictionary(parts => int.Parse(parts[0]), parts => parts[1]);
        Assert.StartsWith("pipe:", links[0]);
        Assert.StartsWith("pipe:", links[1]);
        Assert.StartsWith("pipe:", links[2]);
        var ours = new HashSet<string> { links[0], links[1], links[2], run.Terminal.SlavePath, "/dev/ptmx", "/dev/pts/ptmx" };
        var leaked = links.Where(pair => pair.Key > 2 && ours.Contains(pair.Value)).ToList();
        Assert.Empty(leaked);
    }

    [Fact]
    public void Missing_program_fails_to_spawn_with_its_errno()
    {
        using var terminal = PseudoTerminal.Open();
        var info = new SpawnStartInfo("/nonexistent/age", Array.Empty<string>(), new Dictionary<string, string>(), ChildStream.Null, ChildStream.Null, ChildStream.Null);
        var error = Assert.Throws<Win32Exception>(() => SpawnedProcess.Start(info, terminal));
        Assert.Equal(2, error.NativeErrorCode); // ENOENT
    }

    [Fact]
    public async Task Kill_stops_the_whole_process_group_and_reaps_the_child()
    {
        // The shell's own child (sleep) holds stdout too: only a group kill lets stdout reach end-of-file.
        using var run = new PtyHarness(Shell, new[] { "-c", "sleep 600 & echo started; wait" });
        var started = DateTime.UtcNow;
        while (!File.Exists($"/proc/{run.Process.Pid}/stat"))
            await Task.Delay(10);
        await Task.Delay(200);
        run.Process.Kill();
        var status = await run.Process.Exited.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(9, status.Signal);
        Assert.Equal("started\n", await run.StdoutText.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(File.Exists($"/proc/{run.Process.Pid}/stat"), "the child was not reaped");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Reading_the_master_after_the_child_exited_is_not_an_error()
    {
        using var run = new PtyHarness(Shell, new[] { "-c", "echo bye > /dev/tty" });
        await run.ExitAsync();
        Assert.Contains("bye", run.Terminal.ReadAvailableText(100));
        Assert.Equal(0, run.Terminal.Read(new byte[16], 50));
    }
}
