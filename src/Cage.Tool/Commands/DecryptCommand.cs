using Cage.Adapter.Engines;
using Cage.Tool.Options;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

/// <summary><c>decrypt</c>: age-compatible streaming decryption with identities.</summary>
internal sealed class DecryptCommand : ICommand
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string Name => "decrypt";

    public void Configure(CommandLineApplication command, ToolConsole console)
    {
        command.Description = "Decrypt INPUT (or stdin), binary or armored, like 'age -d'. Output to -o FILE (0600) or stdout.";
        command.ExtendedHelpText = Help.Examples(
            "dotnet cage decrypt -i ~/.config/cage/keys.txt -o secret.json secret.json.age",
            "CAGE_IDENTITY_FILE=key.txt dotnet cage decrypt < secret.json.age");
        var input = command.Argument("input", "File to decrypt; stdin when absent or '-'.");
        var output = command.Option("-o|--output <FILE>", "Write to FILE (atomically, mode 0600) instead of stdout.", CommandOptionType.SingleValue);
        var identities = new IdentityOptions(command);
        var quiet = command.Option("-q|--quiet", "No progress bar.", CommandOptionType.NoValue);
        command.OnExecute(async () =>
        {
            var options = DecryptOptions.ForIdentities(identities.Resolve(console.Environment));
            var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { Environment = console.Environment });
            return await StreamCommand.RunAsync(console, input.Value, output.Value(), quiet.HasValue(),
                (i, o, ct) => engine.DecryptAsync(i, o, options, ct), OwnerOnly);
        });
    }
}
