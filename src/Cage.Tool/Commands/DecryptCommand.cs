using Cage.Adapter.Configuration;
using Cage.Adapter.Engines;
using Cage.Adapter.Headers;
using Cage.Adapter.Passphrases;
using Cage.Tool.Options;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

/// <summary>
/// <c>decrypt</c>: age-compatible streaming decryption. Like age, it reads the header first: a passphrase-encrypted
/// file asks for the passphrase (CAGE_PASSPHRASE, --passphrase-file or the terminal); otherwise identities are used.
/// </summary>
internal sealed class DecryptCommand : ICommand
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string Name => "decrypt";

    public void Configure(CommandLineApplication command, ToolConsole console)
    {
        command.Description = "Decrypt INPUT (or stdin), binary or armored, like 'age -d'. Output to -o FILE (0600) or stdout. Passphrase-encrypted input is recognised by its header and the passphrase asked for.";
        command.ExtendedHelpText = Help.Examples(
            "dotnet cage decrypt -i ~/.config/cage/keys.txt -o secret.json secret.json.age",
            "CAGE_IDENTITY_FILE=key.txt dotnet cage decrypt < secret.json.age",
            "dotnet cage decrypt -o notes.txt notes.txt.age    # passphrase file: prompts");
        var input = command.Argument("input", "File to decrypt; stdin when absent or '-'.");
        var output = command.Option("-o|--output <FILE>", "Write to FILE (atomically, mode 0600) instead of stdout.", CommandOptionType.SingleValue);
        var identities = new IdentityOptions(command);
        var passphrase = new PassphraseOptions(command, switchDescription: "Expect a passphrase-encrypted input (detected from the header anyway).");
        var quiet = command.Option("-q|--quiet", "No progress bar.", CommandOptionType.NoValue);
        command.OnExecute(async () =>
        {
            var configuration = ConfigurationResolver.Resolve(console.WorkingDirectory, console.Environment, new ConfigurationOverrides { Strategy = passphrase.Strategy });
            var engine = passphrase.Engine(console, configuration);
            return await StreamCommand.RunAsync(console, input.Value, output.Value(), quiet.HasValue(), async (i, o, ct) =>
            {
                var peeked = AgeHeaderReader.Peek(i);
                await using var replay = peeked.Stream;
                var options = passphrase.Requested || peeked.Header.IsPassphrase
                    ? DecryptOptions.ForPassphrase(passphrase.Resolve(console, PassphrasePurpose.Decrypt))
                    : DecryptOptions.ForIdentities(identities.Resolve(console));
                await engine.DecryptAsync(replay, o, options, ct);
            }, OwnerOnly);
        });
    }
}
