using System.Diagnostics;

namespace Cage.Tool.Tests;

/// <summary>
/// A real terminal a test can type into: a private tmux server (own socket) running one command. The command's
/// exit code is written to a file when it ends. The server is killed on dispose.
/// </summary>
public sealed class Tmux : IDisposable
{
    private readonly ToolProcess _tool;
    private readonly string _socket = "cage-test-" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _exitFile;

    public Tmux(ToolProcess tool, string shellCommand)
    {
        _tool = tool;
        if (Cage.Adapter.Binary.AgeLocator.SearchPath("tmux", System.Environment.GetEnvironmentVariable("PATH")) is null)
            throw new InvalidOperationException("tmux is not on PATH. The interactive prompt tests type into a real terminal through tmux: 'apt-get install -y tmux'.");
        _exitFile = Path.Combine(tool.Dir.Path, $"tmux-exit-{_socket}");
        var run = tool.Start("tmux", new[] { "-L", _socket, "-f", "/dev/null", "new-session", "-d", "-x", "200", "-y", "50", "-s", "t",
            $"{shellCommand} > {ToolProcess.Quote(Path.Combine(tool.Dir.Path, "tmux-stdout"))}; echo $? > {ToolProcess.Quote(_exitFile)}; sleep 30" }, null);
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"tmux could not start (install tmux): {run}");
    }

    public string Screen() => _tool.Start("tmux", new[] { "-L", _socket, "capture-pane", "-p", "-t", "t" }, null).StdoutText;

    public void WaitForScreen(string text, int occurrences = 1)
    {
        var clock = Stopwatch.StartNew();
        while (Count(Screen(), text) < occurrences)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"'{text}' did not appear; screen:\n{Screen()}");
            Thread.Sleep(50);
        }
    }

    public void Type(string text)
    {
        _tool.Start("tmux", new[] { "-L", _socket, "send-keys", "-t", "t", "-l", text }, null);
        _tool.Start("tmux", new[] { "-L", _socket, "send-keys", "-t", "t", "Enter" }, null);
    }

    public int WaitForExit()
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(_exitFile) || File.ReadAllText(_exitFile).Trim().Length == 0)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
                throw new TimeoutException($"the command did not finish; screen:\n{Screen()}");
            Thread.Sleep(50);
        }
        return int.Parse(File.ReadAllText(_exitFile).Trim());
    }

    private static int Count(string haystack, string needle)
    {
        var count = 0;
        for (var i = haystack.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = haystack.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    public void Dispose() => _tool.Start("tmux", new[] { "-L", _socket, "kill-server" }, null);
}
