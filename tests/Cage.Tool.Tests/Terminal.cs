using System.Diagnostics;
using System.Text;

namespace Cage.Tool.Tests;

/// <summary>Runs a shell command on a real pseudo-terminal with util-linux <c>script</c> and captures what the terminal showed.</summary>
public static class Terminal
{
    public sealed record Outcome(int ExitCode, string Output);

    public static Outcome Run(ToolProcess tool, string shellCommand)
    {
        var log = Path.Combine(tool.Dir.Path, $"typescript-{Guid.NewGuid():N}");
        var run = tool.Start("script", new[] { "-qefc", shellCommand, log }, Array.Empty<byte>());
        var output = File.Exists(log) ? File.ReadAllText(log, Encoding.UTF8) : run.StdoutText;
        return new Outcome(run.ExitCode, output);
    }
}
