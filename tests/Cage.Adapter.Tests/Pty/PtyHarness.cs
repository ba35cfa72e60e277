using System.Text;
using Cage.Adapter.Pty;

namespace Cage.Adapter.Tests.Pty;

/// <summary>Runs a command under a fresh pseudo-terminal with piped stdio, for the PTY layer's own tests.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class PtyHarness : IDisposable
{
    private readonly UnixPipe _stdin = UnixPipe.ToChild();
    private readonly UnixPipe _stdout = UnixPipe.FromChild();
    private readonly UnixPipe _stderr = UnixPipe.FromChild();

    public PtyHarness(string file, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        bool terminalAsStdio = false, bool echo = false)
    {
        Terminal = PseudoTerminal.Open(echo);
        var info = new SpawnStartInfo(file, arguments, environment ?? new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" },
            terminalAsStdio ? ChildStream.Terminal : ChildStream.FromDescriptor(_stdin.ChildEnd),
            terminalAsStdio ? ChildStream.Terminal : ChildStream.FromDescriptor(_stdout.ChildEnd),
            terminalAsStdio ? ChildStream.Terminal : ChildStream.FromDescriptor(_stderr.ChildEnd));
        try
        {
            Process = SpawnedProcess.Start(info, Terminal);
        }
        finally
        {
            _stdin.CloseChildEnd();
            _stdout.CloseChildEnd();
            _stderr.CloseChildEnd();
        }
        Stdin = _stdin.OpenOurEnd();
        var stdout = _stdout.OpenOurEnd();
        var stderr = _stderr.OpenOurEnd();
        StdoutText = Task.Run(async () => { using var reader = new StreamReader(stdout); return await reader.ReadToEndAsync(); });
        StderrText = Task.Run(async () => { using var reader = new StreamReader(stderr); return await reader.ReadToEndAsync(); });
    }

    public PseudoTerminal Terminal { get; }
    public SpawnedProcess Process { get; }
    public Stream Stdin { get; }
    public Task<string> StdoutText { get; }
    public Task<string> StderrText { get; }

    /// <summary>Reads the terminal until <paramref name="expected"/> shows up (or fails after 10 s).</summary>
    public string ReadTerminalUntil(string expected)
    {
        var text = new StringBuilder();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var buffer = new byte[1024];
        while (!text.ToString().Contains(expected, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"terminal never showed '{expected}', got '{text}'");
            var read = Terminal.Read(buffer, 50);
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        return text.ToString();
    }

    public void Type(string text) => Terminal.Write(Encoding.UTF8.GetBytes(text));

    public async Task<ExitStatus> ExitAsync()
    {
        Stdin.Dispose();
        return await Process.Exited.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public void Dispose()
    {
        Process.Dispose();
        Stdin.Dispose();
        Terminal.Dispose();
        _stdin.Dispose();
        _stdout.Dispose();
        _stderr.Dispose();
    }
}
