using Cage.Adapter;
using Cage.Adapter.Configuration;
using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Tool.Options;
using Cage.Tool.Output;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

/// <summary><c>unlock</c>: decrypt <c>FILE.age</c> to <c>FILE</c> (0600), in parallel, never overwriting without <c>--force</c>.</summary>
internal sealed class UnlockCommand : ICommand
{
    public string Name => "unlock";

    public void Configure(CommandLineApplication command, ToolConsole console)
    {
        command.Description = "Decrypt FILE.age (or --extension) to FILE beside it (mode 0600) with -i identities, CAGE_IDENTITY, CAGE_IDENTITY_FILE or the default key file. Encrypted files are kept unless --remove-encrypted.";
        command.ExtendedHelpText = Help.Examples(
            "dotnet cage unlock appsettings.secrets.json.age",
            "dotnet cage unlock --passphrase-file pass.txt notes.txt.age",
            "dotnet cage unlock --recursive config --exclude 'old/**'",
            "CAGE_IDENTITY_FILE=ci-key.txt dotnet cage unlock --recursive . --force");
        var paths = new PathOptions(command, "Encrypted files, or folders with --recursive.");
        var identities = new IdentityOptions(command);
        var passphrase = new PassphraseOptions(command, switchDescription: "Decrypt every file with a passphrase (passphrase files are recognised by header anyway).");
        var extension = command.Option("--extension <EXT>", "Extension of encrypted files (default from config, else .age).", CommandOptionType.SingleValue);
        var removeEncrypted = command.Option("--remove-encrypted", "Delete each encrypted file once its plaintext is written.", CommandOptionType.NoValue);
        var force = command.Option("-f|--force", "Overwrite existing plaintext files.", CommandOptionType.NoValue);
        var report = new OutputOptions(command);
        command.OnExecute(async () =>
        {
            var configuration = ConfigurationResolver.Resolve(console.WorkingDirectory, console.Environment, new ConfigurationOverrides { Extension = extension.Value(), Strategy = passphrase.Strategy });
            var ext = configuration.Extension.Value;
            var explicitFiles = paths.Paths.Where(File.Exists).ToHashSet(StringComparer.Ordinal);
            var files = paths.Expand().Where(f => explicitFiles.Contains(f) || f.EndsWith(ext, StringComparison.Ordinal)).ToList();
            var keys = DecryptKeys.Resolve(console, files, identities, passphrase);
            var engine = passphrase.Engine(console, configuration);
            var results = await BatchExecution.RunAsync(console, files, report.Quiet || report.Json, async (file, ct) =>
            {
                if (!file.EndsWith(ext, StringComparison.Ordinal) || file.Length == ext.Length)
                    throw new CageException(CageErrorCode.UsageError, $"'{file}' does not end with '{ext}'", hint: "use 'dotnet cage decrypt -o OUTPUT FILE' for files with other names, or --extension");
                var output = file[..^ext.Length];
                if (File.Exists(output) && !force.HasValue())
                    throw new CageException(CageErrorCode.OutputExists, $"'{output}'");
                await engine.DecryptFileAsync(file, output, keys.For(file), ct, removeEncrypted.HasValue() ? WriteDurability.Always : WriteDurability.Auto);
                if (removeEncrypted.HasValue())
                    FileRemoval.Delete(file);
                return output;
            });
            return BatchReport.Write(console, Name, "unlocked", results, report.Json, report.Quiet);
        });
    }
}
