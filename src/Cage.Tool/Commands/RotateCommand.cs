using Cage.Adapter;
using Cage.Adapter.Configuration;
using Cage.Adapter.Engines;
using Cage.Adapter.Headers;
using Cage.Adapter.Rotation;
using Cage.Tool.Options;
using Cage.Tool.Output;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

/// <summary><c>rotate</c>: re-encrypt to a new recipient set, all or nothing.</summary>
internal sealed class RotateCommand : ICommand
{
    public string Name => "rotate";

    public void Configure(CommandLineApplication command, ToolConsole console)
    {
        command.Description = "Re-encrypt encrypted files to the current recipients (-r/-R or the configured recipients file), all or nothing: every file is re-encrypted and verified first; on any failure every file is left exactly as it was. Without paths: every encrypted file below the current folder.";
        command.ExtendedHelpText = Help.Examples(
            "dotnet cage rotate --dry-run",
            "dotnet cage rotate -R .cage/recipients --recursive config",
            "dotnet cage rotate -i old-key.txt -r age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p secret.json.age") +
            "\nVerification is 'deep' (decrypted again and compared) when one of your identities is among the new\n" +
            "recipients, else 'header' (complete header with one stanza per recipient).\n";
        var paths = new PathOptions(command, "Encrypted files, or folders with --recursive (default: current folder).");
        var identities = new IdentityOptions(command);
        var recipients = new RecipientOptions(command);
        var extension = command.Option("--extension <EXT>", "Extension of encrypted files when walking folders.", CommandOptionType.SingleValue);
        var dryRun = command.Option("-n|--dry-run", "Re-encrypt and verify everything, then discard the results.", CommandOptionType.NoValue);
        var report = new OutputOptions(command);
        command.OnExecute(async () =>
        {
            var configuration = ConfigurationResolver.Resolve(console.WorkingDirectory, console.Environment,
                new ConfigurationOverrides { Extension = extension.Value(), RecipientsFile = recipients.FirstFile });
            var newKeys = EncryptOptions.ForRecipients(recipients.Resolve(configuration).EnsureNotEmpty());
            var oldKeys = DecryptOptions.ForIdentities(identities.Resolve(console.Environment));
            var explicitFiles = paths.Paths.Where(File.Exists).ToHashSet(StringComparer.Ordinal);
            var files = paths.Expand(".")
                .Where(f => explicitFiles.Contains(f) || (f.EndsWith(configuration.Extension.Value, StringComparison.Ordinal) && AgeHeaderReader.IsAgeFile(f)))
                .ToList();
            if (files.Count == 0)
                throw new CageException(CageErrorCode.UsageError, "no encrypted files to rotate", hint: "name encrypted files or a folder with --recursive");
            var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { Environment = console.Environment });
            var result = await new KeyRotator(engine).RotateAsync(new RotationRequest
            {
                Files = files,
                Old = oldKeys,
                New = newKeys,
                Verify = oldKeys,
                DryRun = dryRun.HasValue(),
            });
            return Write(console, result, report);
        });
    }

    private static int Write(ToolConsole console, RotationResult result, OutputOptions report)
    {
        foreach (var file in result.Files.Where(f => !f.Succeeded))
            console.WriteError(file.Error!);
        if (report.Json)
        {
            JsonReport.Write(console, new
            {
                command = "rotate",
                committed = result.Committed,
                dryRun = result.DryRun,
                files = result.Files.Select(f => new { path = f.Path, ok = f.Succeeded, verification = f.Verification, error = JsonReport.Error(f.Error) }),
            });
        }
        else if (!report.Quiet)
        {
            foreach (var file in result.Files.Where(f => f.Succeeded))
                console.Out.WriteLine($"{(result.DryRun ? "would rotate" : "rotated")} {file.Path} (verified: {file.Verification.ToString()!.ToLowerInvariant()})");
            console.Out.WriteLine(result.Committed ? $"rotated {result.Files.Count} file(s)"
                : result.DryRun && result.AllSucceeded ? $"dry run: {result.Files.Count} file(s) would be rotated, nothing changed"
                : "rotation failed: no file was changed");
        }
        return result.AllSucceeded ? ExitCodes.Success : ExitCodes.Failed;
    }
}
