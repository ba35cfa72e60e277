using System.Text;

namespace Cage.Tool.Output;

/// <summary>
/// stdout for the command-line parser: passes help text through but drops the parser's own "Specify --help ..."
/// line on a usage error, which would land on stdout (breaking --json consumers) and duplicate our coded hint on stderr.
/// </summary>
internal sealed class HintlessWriter : TextWriter
{
    private const string ParserHint = "Specify --help for a list of available options and commands.";
    private readonly TextWriter _inner;

    public HintlessWriter(TextWriter inner) => _inner = inner;

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value) => _inner.Write(value);

    public override void Write(string? value) => _inner.Write(value);

    public override void WriteLine(string? value)
    {
        if (value?.EndsWith(ParserHint, StringComparison.Ordinal) == true)
            return;
        _inner.WriteLine(value);
    }

    public override void Flush() => _inner.Flush();
}
