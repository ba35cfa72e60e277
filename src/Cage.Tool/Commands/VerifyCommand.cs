using Cage.Adapter;
using Cage.Adapter.Configuration;
using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Headers;
using Cage.Tool.Options;
using Cage.Tool.Output;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

/// <summary><c>verify</c>: every file is a well-formed age file; <c>--deep</c> also decrypts it to nowhere.</summary>
internal sealed class VerifyCommand : ICommand
{
    public string Name => "verify";

    public void Configure(CommandLineApplication command, ToolConsole console)
    {
        command.Description = "Check encrypted files: a complete age header (binary or armored); with --deep, decrypt each to nowhere with your identity. Without paths: every encrypted file below the current folder.";
        command.ExtendedHelpText = Help.Examples(
            "dotnet cage verify",
            "dotnet cage verify --deep -i ~/.config/cage/keys.txt secrets/*.age",
            "dotnet cage verify --recursive config --json");
        var paths = new PathOptions(command, "Encrypted files, or folders with --recursive (default: current folder).");
        var deep = command.Option("--deep", "Decrypt every file (output discarded) to prove it can be decrypted.", CommandOptionType.NoValue);
        var identities = new IdentityOptions(command);
        var passphrase = new PassphraseOptions(command, switchDescription: "With --deep: decrypt every file with a passphrase (passphrase files are recognised by header anyway).");
        var extension = command.Option("--extension <EXT>", "Extension of encrypted files when walking folders.", CommandOptionType.SingleValue);
        var report = new OutputOptions(command);
        command.OnExecute(async () =>
        {
            var configuration = ConfigurationResolver.Resolve(console.WorkingDirectory, console.Environment, new ConfigurationOverrides { Extension = extension.Value(), Strategy = passphrase.Strategy });
            var explicitFiles = paths.Paths.Where(File.Exists).ToHashSet(StringComparer.Ordinal);
            var files = paths.Expand(".")
                .Where(f => explicitFiles.Contains(f) || f.EndsWith(configuration.Extension.Value, StringComparison.Ordinal) || AgeHeaderReader.IsAgeFile(f))
                .ToList();
            var keys = deep.HasValue() ? DecryptKeys.Resolve(console, files, identities, passphrase) : null;
            var engine = keys is null ? null : passphrase.Engine(console, configuration);
            var results = await BatchExecution.RunAsync(console, files, report.Quiet || report.Json, async (file, ct) =>
            {
                try
                {
                    await VerifyAsync(file, engine, keys?.For(file), ct);
                    return null;
                }
                catch (CageException e) when (e.Detail?.Contains(file, StringComparison.Ordinal) != true)
                {
                    throw e.WithContext(file);
                }
            });
            return BatchReport.Write(console, Name, deep.HasValue() ? "verified (deep)" : "verified", results, report.Json, report.Quiet);
        });
    }

    private static async Task VerifyAsync(string file, IAgeEngine? engine, DecryptOptions? keys, CancellationToken cancellationToken)
    {
        var header = AgeHeaderReader.ReadFile(file);
        if (!header.IsAge)
            throw new CageException(CageErrorCode.NotAgeFile);
        if (!header.IsWellFormed)
            throw new CageException(CageErrorCode.HeaderCorrupted, "the header is incomplete or names no recipient");
        if (engine is null)
            return;
        await using var input = AgeFileOperations.OpenInput(file);
        await engine.DecryptAsync(input, Stream.Null, keys!, cancellationToken);
    }
}
