using Cage.Adapter;
using Cage.Adapter.Configuration;
using Cage.Adapter.Engines;
using Cage.Adapter.Passphrases;
using Cage.Tool.Options;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

/// <summary><c>encrypt</c>: age-compatible streaming encryption to recipients or with a passphrase.</summary>
internal sealed class EncryptCommand : ICommand
{
    public string Name => "encrypt";

    public void Configure(CommandLineApplication command, ToolConsole console)
    {
        command.Description = "Encrypt INPUT (or stdin) to recipients (-r/-R, else the configured recipients file) or with a passphrase (-p), like 'age -e'. Output to -o FILE or stdout.";
        command.ExtendedHelpText = Help.Examples(
            "dotnet cage encrypt -r age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p -o secret.json.age secret.json",
            "dotnet cage encrypt -R .cage/recipients -a < secret.json > secret.json.age",
            "dotnet cage encrypt -p -o notes.txt.age notes.txt");
        var input = command.Argument("input", "File to encrypt; stdin when absent or '-'.");
        var output = command.Option("-o|--output <FILE>", "Write to FILE (atomically) instead of stdout.", CommandOptionType.SingleValue);
        var armor = command.Option("-a|--armor", "Write PEM-style ASCII armor.", CommandOptionType.NoValue);
        var recipients = new RecipientOptions(command);
        var passphrase = new PassphraseOptions(command);
        var quiet = command.Option("-q|--quiet", "No progress bar.", CommandOptionType.NoValue);
        command.OnExecute(async () =>
        {
            if (passphrase.Requested && recipients.Given)
                throw new CageException(CageErrorCode.UsageError, "-p cannot be combined with -r or -R", hint: "encrypt either with a passphrase or to recipients");
            var configuration = ConfigurationResolver.Resolve(console.WorkingDirectory, console.Environment,
                new ConfigurationOverrides { RecipientsFile = recipients.FirstFile, Strategy = passphrase.Strategy });
            // As age: binary to a terminal only when asked for explicitly with "-o -".
            if (!output.HasValue() && !armor.HasValue() && console.StdoutIsTerminal)
                throw new CageException(CageErrorCode.BinaryToTerminal);
            var engine = passphrase.Engine(console, configuration);
            var options = passphrase.Requested
                ? EncryptOptions.ForPassphrase(passphrase.Resolve(console, PassphrasePurpose.Encrypt), armor.HasValue())
                : EncryptOptions.ForRecipients(recipients.Resolve(configuration).EnsureNotEmpty(), armor.HasValue());
            return await StreamCommand.RunAsync(console, input.Value, output.Value(), quiet.HasValue(),
                (i, o, ct) => engine.EncryptAsync(i, o, options, ct), outputMode: null);
        });
    }
}
