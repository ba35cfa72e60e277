using System.Text;
using Cage.Adapter;

namespace Cage.Tool;

/// <summary>
/// The process's streams and what they are connected to. Human text and JSON go to stdout, diagnostics and
/// progress to stderr. Colour only on a terminal and never when NO_COLOR is set.
/// </summary>
internal sealed class ToolConsole
{
    public ToolConsole(Func<Stream> openStdout, Func<Stream> openStdin, TextWriter stdout, TextWriter stderr, bool stdoutIsTerminal, bool stderrIsTerminal, bool stdinIsTerminal, CageEnvironment environment, string workingDirectory)
    {
        OpenStdout = openStdout;
        OpenStdin = openStdin;
        Out = stdout;
        Error = stderr;
        StdoutIsTerminal = stdoutIsTerminal;
        StderrIsTerminal = stderrIsTerminal;
        StdinIsTerminal = stdinIsTerminal;
        Environment = environment;
        WorkingDirectory = workingDirectory;
    }

    public Func<Stream> OpenStdout { get; }
    public Func<Stream> OpenStdin { get; }
    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public bool StdoutIsTerminal { get; }
    public bool StderrIsTerminal { get; }
    public bool StdinIsTerminal { get; }
    public CageEnvironment Environment { get; }
    public string WorkingDirectory { get; }

    /// <summary>NO_COLOR (any non-empty value) turns colour off, as https://no-color.org asks.</summary>
    public bool UseColor => StderrIsTerminal && Environment.Get("NO_COLOR") is null;

    public static ToolConsole FromProcess()
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = true };
        var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
        return new ToolConsole(Console.OpenStandardOutput, Console.OpenStandardInput, stdout, stderr,
            !Console.IsOutputRedirected, !Console.IsErrorRedirected, !Console.IsInputRedirected,
            CageEnvironment.Process, System.Environment.CurrentDirectory);
    }

    public void WriteError(CageException error)
    {
        Error.WriteLine($"{Paint("cage: error:", "31")} {error.Message} ({error.CodeId})");
        Error.WriteLine($"{Paint("cage: hint:", "33")} {error.Hint}");
    }

    public void WriteWarning(string message) => Error.WriteLine($"{Paint("cage: warning:", "33")} {message}");

    public void WriteWarning(CageWarning warning)
    {
        WriteWarning($"{warning.Message} ({warning.CodeId})");
        Error.WriteLine($"{Paint("cage: hint:", "33")} {warning.Hint}");
    }

    private string Paint(string text, string color) => UseColor ? $"\u001b[{color}m{text}\u001b[0m" : text;
}
