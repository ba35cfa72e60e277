using Cage.Adapter.Batch;
using Cage.Adapter.Configuration;
using Cage.Adapter.Headers;
using Cage.Tool.Options;
using Cage.Tool.Output;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

/// <summary><c>status</c>: which files are encrypted (by header), which plaintexts are missing a ciphertext or newer than it.</summary>
internal sealed class StatusCommand : ICommand
{
    public string Name => "status";

    public void Configure(CommandLineApplication command, ToolConsole console)
    {
        command.Description = "Show encrypted files (judged by header, not name) and the state of their plaintexts, walking folders recursively.";
        command.ExtendedHelpText = Help.Examples(
            "dotnet cage status",
            "dotnet cage status config --include '*.json' --json") +
            "\nStates: encrypted (no plaintext beside it), unlocked (plaintext present, not newer), stale (plaintext newer\n" +
            "than its ciphertext: lock again), unencrypted (matches --include but has no ciphertext), not-age (has the\n" +
            "encrypted extension but is not an age file).\n";
        var path = command.Argument("path", "Folder or file to look at (default: current folder).");
        var include = command.Option("--include <GLOB>", "Also report plaintext files matching GLOB that have no ciphertext. Repeatable.", CommandOptionType.MultipleValue);
        var exclude = command.Option("--exclude <GLOB>", "Skip files matching GLOB. Repeatable.", CommandOptionType.MultipleValue);
        var extension = command.Option("--extension <EXT>", "Extension of encrypted files (default from config, else .age).", CommandOptionType.SingleValue);
        var report = new OutputOptions(command);
        command.OnExecute(() =>
        {
            var configuration = ConfigurationResolver.Resolve(console.WorkingDirectory, console.Environment, new ConfigurationOverrides { Extension = extension.Value() });
            var root = path.Value ?? ".";
            var files = FileDiscovery.Expand(new[] { root }, new DiscoveryOptions { Recursive = true, Exclude = exclude.Values.Select(v => v!).ToList() });
            var includes = include.Values.Select(v => Glob.Parse(v!)).ToList();
            var entries = Classify(files, root, configuration.Extension.Value, includes);
            if (report.Json)
                JsonReport.Write(console, new { root, extension = configuration.Extension.Value, files = entries });
            else if (!report.Quiet)
                WriteTable(console, entries);
            return ExitCodes.Success;
        });
    }

    private static List<StatusEntry> Classify(IReadOnlyList<string> files, string root, string extension, IReadOnlyList<Glob> includes)
    {
        var set = new HashSet<string>(files, StringComparer.Ordinal);
        var entries = new List<StatusEntry>();
        foreach (var file in files)
        {
            var header = SafeHeader(file);
            var hasExtension = file.EndsWith(extension, StringComparison.Ordinal) && file.Length > extension.Length;
            if (header.IsAge)
            {
                var plaintext = hasExtension ? file[..^extension.Length] : null;
                var plaintextExists = plaintext is not null && File.Exists(plaintext);
                var newer = plaintextExists && File.GetLastWriteTimeUtc(plaintext!) > File.GetLastWriteTimeUtc(file);
                var state = !plaintextExists ? "encrypted" : newer ? "stale" : "unlocked";
                entries.Add(new StatusEntry(file, state, header.Format, header.StanzaTypes, header.IsPassphrase, plaintext, plaintextExists, newer));
            }
            else if (hasExtension)
            {
                entries.Add(new StatusEntry(file, "not-age", AgeFileFormat.NotAge, Array.Empty<string>(), false, null, false, false));
            }
            else if (!set.Contains(file + extension) && includes.Any(g => g.IsMatch(Path.GetRelativePath(root, file))))
            {
                entries.Add(new StatusEntry(file, "unencrypted", AgeFileFormat.NotAge, Array.Empty<string>(), false, file, true, false));
            }
        }
        return entries;
    }

    private static AgeHeader SafeHeader(string file)
    {
        try
        {
            return AgeHeaderReader.ReadFile(file);
        }
        catch (Adapter.CageException)
        {
            return AgeHeader.NotAge;
        }
    }

    private static void WriteTable(ToolConsole console, IReadOnlyList<StatusEntry> entries)
    {
        if (entries.Count == 0)
        {
            console.Out.WriteLine("no encrypted files found");
            return;
        }
        foreach (var e in entries)
        {
            var detail = e.Format == AgeFileFormat.NotAge ? "" : $"{e.Format.ToString().ToLowerInvariant()}, {(e.Passphrase ? "passphrase" : string.Join("+", e.Recipients.Distinct()))}";
            console.Out.WriteLine($"{e.State,-12} {e.Path}{(detail.Length > 0 ? $"  ({detail})" : "")}");
        }
    }

    private sealed record StatusEntry(string Path, string State, AgeFileFormat Format, IReadOnlyList<string> Recipients, bool Passphrase, string? Plaintext, bool PlaintextExists, bool PlaintextNewer);
}
