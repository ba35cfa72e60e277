using System.Diagnostics;
using System.Security.Cryptography;
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

/// <summary>
/// <c>edit</c>: decrypt to a 0600 file in a private 0700 folder, run the editor, re-encrypt when it changed.
/// The private folder (and the plaintext in it) is removed on every path, including failures.
/// </summary>
internal sealed class EditCommand : ICommand
{
    public string Name => "edit";

    public void Configure(CommandLineApplication command, ToolConsole console)
    {
        command.Description = "Decrypt an encrypted file to a private temp file, open $VISUAL or $EDITOR on it, and re-encrypt it to the configured recipients (-r/-R or .cage/recipients) when it changed.";
        command.ExtendedHelpText = Help.Examples(
            "dotnet cage edit appsettings.secrets.json.age",
            "EDITOR='code --wait' dotnet cage edit -R .cage/recipients secret.yaml.age");
        var file = command.Argument("file", "The encrypted file to edit.").IsRequired();
        var identities = new IdentityOptions(command);
        var recipients = new RecipientOptions(command);
        var passphrase = new PassphraseOptions(command, withSwitch: false);
        var report = new OutputOptions(command);
        command.OnExecute(async () =>
        {
            var path = file.Value!;
            var configuration = ConfigurationResolver.Resolve(console.WorkingDirectory, console.Environment,
                new ConfigurationOverrides { RecipientsFile = recipients.FirstFile, Strategy = passphrase.Strategy });
            var header = AgeHeaderReader.ReadFile(path);
            if (!header.IsAge)
                throw new CageException(CageErrorCode.NotAgeFile, $"'{path}'");
            var (oldKeys, newKeys) = Keys(console, header, identities, recipients, passphrase, configuration);
            var editor = EditorCommand(console.Environment);
            var engine = passphrase.Engine(console, configuration);
            using var folder = PrivateTempFolder.Create(environment: console.Environment);
            // Keep the plaintext's own name (minus .age) so the editor picks the right syntax highlighting.
            var name = Path.GetFileName(path.EndsWith(configuration.Extension.Value, StringComparison.Ordinal) ? path[..^configuration.Extension.Value.Length] : path);
            var plaintext = folder.Combine(name);
            await using (var input = AgeFileOperations.OpenInput(path))
            await using (var output = folder.CreatePrivateFile(name))
                await engine.DecryptAsync(input, output, oldKeys);
            var before = Hash(plaintext);
            RunEditor(editor, plaintext);
            var changed = !Hash(plaintext).AsSpan().SequenceEqual(before);
            if (changed)
                await engine.EncryptFileAsync(plaintext, path, newKeys);
            if (report.Json)
                JsonReport.Write(console, new { path, changed });
            else if (!report.Quiet)
                console.Out.WriteLine(changed ? $"re-encrypted {path}" : $"no changes to {path}");
            return ExitCodes.Success;
        });
    }

    // Resolved before decrypting, so a missing recipient never strands an edit. A passphrase file keeps its
    // passphrase (asked once: it must match the file anyway); recipient files go to the configured recipients.
    private static (DecryptOptions Old, EncryptOptions New) Keys(ToolConsole console, AgeHeader header, IdentityOptions identities, RecipientOptions recipients, PassphraseOptions passphrase, CageConfiguration configuration)
    {
        var armor = header.Format == AgeFileFormat.Armored;
        if (header.IsPassphrase && !recipients.Given)
        {
            var secret = passphrase.Resolve(console, PassphrasePurpose.Decrypt);
            return (DecryptOptions.ForPassphrase(secret), EncryptOptions.ForPassphrase(secret, armor));
        }
        var newKeys = EncryptOptions.ForRecipients(recipients.Resolve(configuration).EnsureNotEmpty(), armor);
        var oldKeys = header.IsPassphrase
            ? DecryptOptions.ForPassphrase(passphrase.Resolve(console, PassphrasePurpose.Decrypt))
            : DecryptOptions.ForIdentities(identities.Resolve(console));
        return (oldKeys, newKeys);
    }

    private static string EditorCommand(CageEnvironment environment) =>
        environment.Get("VISUAL") ?? environment.Get("EDITOR") ?? "vi";

    // Through the shell, like git: EDITOR may carry arguments ("code --wait"). The file goes as "$1", never spliced.
    private static void RunEditor(string editor, string file)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        // The editor is a child like age: secret-bearing variables stay with us.
        foreach (var name in CageEnvironmentVariables.Secrets)
            start.Environment.Remove(name);
        foreach (var argument in new[] { "-c", $"{editor} \"$1\"", "sh", file })
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start) ?? throw new CageException(CageErrorCode.EditorFailed, $"'{editor}' could not be started");
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new CageException(CageErrorCode.EditorFailed, $"'{editor}' exited with code {process.ExitCode}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new CageException(CageErrorCode.EditorFailed, $"'{editor}' could not be started", e);
        }
    }

    private static byte[] Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return SHA256.HashData(stream);
    }
}
