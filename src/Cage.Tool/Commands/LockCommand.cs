using Cage.Adapter;
using Cage.Adapter.Configuration;
using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Headers;
using Cage.Adapter.Passphrases;
using Cage.Tool.Options;
using Cage.Tool.Output;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

/// <summary><c>lock</c>: encrypt files to <c>FILE.age</c> beside them, in parallel, never overwriting without <c>--force</c>.</summary>
internal sealed class LockCommand : ICommand
{
    public string Name => "lock";

    public void Configure(CommandLineApplication command, ToolConsole console)
    {
        command.Description = "Encrypt files to FILE.age (or --extension) beside them, to -r/-R recipients or the configured recipients file. Originals are kept unless --remove-original.";
        command.ExtendedHelpText = Help.Examples(
            "dotnet cage lock appsettings.secrets.json",
            "dotnet cage lock --recursive config --include '*.json' --remove-original",
            "dotnet cage lock -p --passphrase-file pass.txt notes.txt",
            "dotnet cage lock -r age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p --armor secret.txt");
        var paths = new PathOptions(command, "Files to encrypt, or folders with --recursive.");
        var recipients = new RecipientOptions(command);
        var passphrase = new PassphraseOptions(command, switchDescription: "Encrypt with a passphrase instead of recipients.");
        var armor = command.Option("-a|--armor", "Write ASCII-armored files.", CommandOptionType.NoValue);
        var extension = command.Option("--extension <EXT>", "Extension of encrypted files (default from config, else .age).", CommandOptionType.SingleValue);
        var removeOriginal = command.Option("--remove-original", "Delete each plaintext once its encrypted file is written.", CommandOptionType.NoValue);
        var force = command.Option("-f|--force", "Overwrite existing encrypted files.", CommandOptionType.NoValue);
        var report = new OutputOptions(command);
        command.OnExecute(async () =>
        {
            var configuration = ConfigurationResolver.Resolve(console.WorkingDirectory, console.Environment,
                new ConfigurationOverrides { Extension = extension.Value(), RecipientsFile = recipients.FirstFile, Strategy = passphrase.Strategy });
            var ext = configuration.Extension.Value;
            if (passphrase.Requested && recipients.Given)
                throw new CageException(CageErrorCode.UsageError, "-p cannot be combined with -r or -R", hint: "lock either with a passphrase or to recipients");
            var explicitFiles = paths.Paths.Where(File.Exists).ToHashSet(StringComparer.Ordinal);
            // In folders, skip what is already encrypted (by name or header); explicit files go through as named.
            var files = paths.Expand()
                .Where(f => explicitFiles.Contains(f) || (!f.EndsWith(ext, StringComparison.Ordinal) && !AgeHeaderReader.IsAgeFile(f)))
                .ToList();
            // Asked once, before the progress bar starts (a prompt asks twice to confirm).
            var options = passphrase.Requested
                ? EncryptOptions.ForPassphrase(passphrase.Resolve(console, PassphrasePurpose.Encrypt), armor.HasValue())
                : EncryptOptions.ForRecipients(recipients.Resolve(configuration).EnsureNotEmpty(), armor.HasValue());
            var engine = passphrase.Engine(console, configuration);
            var results = await BatchExecution.RunAsync(console, files, report.Quiet || report.Json, async (file, ct) =>
            {
                var output = file + ext;
                if (File.Exists(output) && !force.HasValue())
                    throw new CageException(CageErrorCode.OutputExists, $"'{output}'");
                await engine.EncryptFileAsync(file, output, options, ct, removeOriginal.HasValue() ? WriteDurability.Always : WriteDurability.Auto);
                if (removeOriginal.HasValue())
                    FileRemoval.Delete(file);
                return output;
            });
            return BatchReport.Write(console, Name, "locked", results, report.Json, report.Quiet);
        });
    }
}
