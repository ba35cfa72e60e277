using Cage.Adapter;
using Cage.Adapter.Configuration;
using Cage.Adapter.Engines;
using Cage.Tool.Options;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

/// <summary><c>encrypt</c>: age-compatible streaming encryption to recipients.</summary>
internal sealed class EncryptCommand : ICommand
{
    public string Name => "encrypt";

    public void Configure(CommandLineApplication command, ToolConsole console)
    {
        command.Description = "Encrypt INPUT (or stdin) to recipients, like 'age -e'. Output to -o FILE or stdout.";
        command.ExtendedHelpText = Help.Examples(
            "dotnet cage encrypt -r age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p -o secret.json.age secret.json",
            "dotnet cage encrypt -R .cage/recipients -a < secret.json > secret.json.age");
        var input = command.Argument("input", "File to encrypt; stdin when absent or '-'.");
        var output = command.Option("-o|--output <FILE>", "Write to FILE (atomically) instead of stdout.", CommandOptionType.SingleValue);
        var armor = command.Option("-a|--armor", "Write PEM-style ASCII armor.", CommandOptionType.NoValue);
        var recipients = new RecipientOptions(command);
        var quiet = command.Option("-q|--quiet", "No progress bar.", CommandOptionType.NoValue);
        command.OnExecute(async () =>
        {
            var configuration = ConfigurationResolver.Resolve(console.WorkingDirectory, console.Environment, new ConfigurationOverrides { RecipientsFile = recipients.FirstFile });
            var options = EncryptOptions.ForRecipients(recipients.Resolve(configuration).EnsureNotEmpty(), armor.HasValue());
            var toStdout = !output.HasValue() || output.Value() == "-";
            if (toStdout && !options.Armor && console.StdoutIsTerminal)
                throw new CageException(CageErrorCode.BinaryToTerminal);
            var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { Environment = console.Environment });
            return await StreamCommand.RunAsync(console, input.Value, output.Value(), quiet.HasValue(),
                (i, o, ct) => engine.EncryptAsync(i, o, options, ct), outputMode: null);
        });
    }
}
