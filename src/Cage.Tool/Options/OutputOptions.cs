using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Options;

/// <summary><c>--json</c> and <c>--quiet</c>, shared by every reporting command.</summary>
internal sealed class OutputOptions
{
    private readonly CommandOption _json;
    private readonly CommandOption _quiet;

    public OutputOptions(CommandLineApplication command)
    {
        _json = command.Option("--json", "Write a machine-readable JSON report on stdout.", CommandOptionType.NoValue);
        _quiet = command.Option("-q|--quiet", "Print nothing but errors (and the JSON report with --json).", CommandOptionType.NoValue);
    }

    public bool Json => _json.HasValue();
    public bool Quiet => _quiet.HasValue();
}
