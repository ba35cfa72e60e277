using Cage.Adapter.Batch;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Options;

/// <summary>Paths plus <c>--recursive</c>, <c>--include</c>, <c>--exclude</c>, <c>--follow-symlinks</c>.</summary>
internal sealed class PathOptions
{
    private readonly CommandLineApplication _command;
    private readonly CommandArgument _paths;
    private readonly CommandOption _recursive;
    private readonly CommandOption _include;
    private readonly CommandOption _exclude;
    private readonly CommandOption _followSymlinks;

    public PathOptions(CommandLineApplication command, string description)
    {
        _command = command;
        command.AllowArgumentSeparator = true; // 'lock -- -o --help': files whose names look like options
        _paths = command.Argument("paths", description, multipleValues: true);
        _recursive = command.Option("--recursive", "Work on every file below folders given as paths.", CommandOptionType.NoValue);
        _include = command.Option("--include <GLOB>", "Only files matching GLOB (e.g. '*.json', 'config/**/*.yaml'). Repeatable.", CommandOptionType.MultipleValue);
        _exclude = command.Option("--exclude <GLOB>", "Skip files matching GLOB. Repeatable.", CommandOptionType.MultipleValue);
        _followSymlinks = command.Option("--follow-symlinks", "Follow symbolic links while walking folders (off by default).", CommandOptionType.NoValue);
    }

    /// <summary>The paths named, before and after a <c>--</c> separator.</summary>
    public IReadOnlyList<string> Paths => _paths.Values.Concat(_command.RemainingArguments)
        .Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();

    public IReadOnlyList<string> Include => _include.Values.Select(v => v!).ToList();

    /// <summary>Expands the paths (or <paramref name="defaultPath"/> walked recursively when none were given).</summary>
    public IReadOnlyList<string> Expand(string? defaultPath = null)
    {
        var paths = Paths;
        var recursive = _recursive.HasValue();
        if (paths.Count == 0 && defaultPath is not null)
        {
            paths = new[] { defaultPath };
            recursive = true;
        }
        if (paths.Count == 0)
            throw new Adapter.CageException(Adapter.CageErrorCode.UsageError, "no paths given", hint: "name files (or folders with --recursive); see --help");
        return FileDiscovery.Expand(paths, Discovery(recursive));
    }

    public DiscoveryOptions Discovery(bool recursive) => new()
    {
        Recursive = recursive,
        Include = _include.Values.Select(v => v!).ToList(),
        Exclude = _exclude.Values.Select(v => v!).ToList(),
        FollowSymlinks = _followSymlinks.HasValue(),
    };
}
