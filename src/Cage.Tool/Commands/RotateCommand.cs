using Cage.Adapter;
using Cage.Adapter.Configuration;
using Cage.Adapter.Engines;
using Cage.Adapter.Headers;
using Cage.Adapter.Passphrases;
using Cage.Adapter.Rotation;
using Cage.Tool.Options;
using Cage.Tool.Output;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

/// <summary><c>rotate</c>: re-encrypt to a new recipient set or a new passphrase, all or nothing.</summary>
internal sealed class RotateCommand : ICommand
{
    /// <summary>The new passphrase when rotating to one non-interactively (CAGE_PASSPHRASE holds the old one).</summary>
    public const string NewPassphraseVariable = CageEnvironmentVariables.NewPassphrase;

    public string Name => "rotate";

    public void Configure(CommandLineApplication command, ToolConsole console)
    {
        command.Description = "Re-encrypt encrypted files to the current recipients (-r/-R or the configured recipients file) or to a new passphrase (-p), all or nothing: every file is re-encrypted and verified first; on any failure every file is left exactly as it was. Without paths: every encrypted file below the current folder.";
        command.ExtendedHelpText = Help.Examples(
            "dotnet cage rotate --dry-run",
            "dotnet cage rotate -R .cage/recipients --recursive config",
            "dotnet cage rotate -i old-key.txt -r age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p secret.json.age",
            "dotnet cage rotate -p --passphrase-file old.txt --new-passphrase-file new.txt notes.txt.age") +
            "\nVerification is 'deep' (decrypted again and compared) when one of your identities is among the new\n" +
            "recipients or the target is a passphrase, else 'header' (complete header, one stanza per recipient).\n" +
            $"Old passphrase: --passphrase-file, CAGE_PASSPHRASE or prompt. New passphrase (-p): --new-passphrase-file,\n{NewPassphraseVariable} or prompt (asked twice).\n";
        var paths = new PathOptions(command, "Encrypted files, or folders with --recursive (default: current folder).");
        var identities = new IdentityOptions(command);
        var recipients = new RecipientOptions(command);
        var passphrase = new PassphraseOptions(command, switchDescription: "Rotate to a new passphrase instead of recipients.");
        var newPassphraseFile = command.Option("--new-passphrase-file <FILE>", "With -p: read the new passphrase from the first line of FILE.", CommandOptionType.SingleValue);
        var extension = command.Option("--extension <EXT>", "Extension of encrypted files when walking folders.", CommandOptionType.SingleValue);
        var dryRun = command.Option("-n|--dry-run", "Re-encrypt and verify everything, then discard the results.", CommandOptionType.NoValue);
        var report = new OutputOptions(command);
        command.OnExecute(async () =>
        {
            if (passphrase.Requested && recipients.Given)
                throw new CageException(CageErrorCode.UsageError, "-p cannot be combined with -r or -R", hint: "rotate either to a passphrase or to recipients");
            var configuration = ConfigurationResolver.Resolve(console.WorkingDirectory, console.Environment,
                new ConfigurationOverrides { Extension = extension.Value(), RecipientsFile = recipients.FirstFile, Strategy = passphrase.Strategy });
            var explicitFiles = paths.Paths.Where(File.Exists).ToHashSet(StringComparer.Ordinal);
            var files = paths.Expand(".")
                .Where(f => explicitFiles.Contains(f) || (f.EndsWith(configuration.Extension.Value, StringComparison.Ordinal) && AgeHeaderReader.IsAgeFile(f)))
                .ToList();
            if (files.Count == 0)
                throw new CageException(CageErrorCode.UsageError, "no encrypted files to rotate", hint: "name encrypted files or a folder with --recursive");
            var newKeys = passphrase.Requested
                ? EncryptOptions.ForPassphrase(NewPassphrase(console, newPassphraseFile.Value()))
                : EncryptOptions.ForRecipients(recipients.Resolve(configuration).EnsureNotEmpty());
            // Old keys: by header per file; -p here names the new target, so it does not force the old side.
            var oldKeys = DecryptKeys.Resolve(console, files, identities, passphrase, forcePassphrase: false);
            var verify = newKeys.Passphrase is { } p ? DecryptOptions.ForPassphrase(p) : oldKeys.Identities ?? TryIdentities(identities, console);
            var usesPassphrase = newKeys.Passphrase is not null || files.Any(f => AgeHeaderReader.ReadFile(f).IsPassphrase);
            var engine = passphrase.Engine(console, configuration);
            using var interruption = Interruption.Listen();
            var result = await new KeyRotator(engine).RotateAsync(new RotationRequest
            {
                Files = files,
                Old = oldKeys.For,
                New = newKeys,
                Verify = verify,
                DryRun = dryRun.HasValue(),
                // Each file holds two age processes at once (old decrypt feeding new encrypt): one file at a time
                // keeps passphrase runs within the engine's concurrency limit instead of waiting on each other.
                MaxParallelism = usesPassphrase ? 1 : null,
            }, interruption.Token);
            return Write(console, result, report);
        });
    }

    private static Passphrase NewPassphrase(ToolConsole console, string? file)
    {
        var sources = file is not null
            ? new[] { PassphraseSource.FromFile(file) }
            : new[] { PassphraseSource.FromEnvironment(console.Environment, NewPassphraseVariable), PassphraseSource.FromTerminal() };
        return PassphraseResolver.Resolve(sources, PassphrasePurpose.Encrypt);
    }

    private static DecryptOptions? TryIdentities(IdentityOptions identities, ToolConsole console)
    {
        try
        {
            return DecryptOptions.ForIdentities(identities.Resolve(console));
        }
        catch (CageException e) when (e.Code == CageErrorCode.NoIdentity)
        {
            return null;
        }
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
