using System.Text;
using Cage.Adapter;
using Cage.Adapter.Identities;
using Cage.Adapter.Keys;
using Cage.Tool.Options;
using Cage.Tool.Output;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

/// <summary><c>keygen</c>: a new identity written 0600 from the start; <c>-y</c> prints a key's recipient.</summary>
internal sealed class KeygenCommand : ICommand
{
    public string Name => "keygen";

    public void Configure(CommandLineApplication command, ToolConsole console)
    {
        command.Description = "Create a new age identity (default: ~/.config/cage/keys.txt, mode 0600) and print its public recipient.";
        command.ExtendedHelpText = Help.Examples(
            "dotnet cage keygen",
            "dotnet cage keygen -o deploy-key.txt",
            "dotnet cage keygen -y deploy-key.txt");
        var file = command.Argument("file", "With -y: the key file to read (stdin when absent).");
        var output = command.Option("-o|--output <FILE>", "Write the new key to FILE instead of the default key file.", CommandOptionType.SingleValue);
        var force = command.Option("-f|--force", "Replace an existing key file (the old key is lost).", CommandOptionType.NoValue);
        var derive = command.Option("-y", "Print the public recipient(s) of an existing key file instead of creating one.", CommandOptionType.NoValue);
        var engine = PassphraseOptions.EngineOption(command);
        var report = new OutputOptions(command);
        command.OnExecute(async () =>
        {
            var keygen = KeyGenerators.Create(engine.Value(), console.Environment);
            if (derive.HasValue())
                return await DeriveAsync(console, keygen, file.Value, report);
            if (file.Value is not null)
                throw new CageException(CageErrorCode.UsageError, $"unexpected argument '{file.Value}'", hint: "use -o FILE to choose where the new key goes");
            var path = output.Value() ?? IdentityResolver.DefaultKeyFile(console.Environment);
            var key = await keygen.GenerateAsync(path, force.HasValue());
            if (report.Json)
                JsonReport.Write(console, new { path = key.Path, recipient = key.Recipient });
            else
            {
                console.Out.WriteLine(key.Recipient);
                if (!report.Quiet)
                    console.Error.WriteLine($"cage: wrote the new key to {key.Path} (mode 0600); share the recipient above, never the key file");
            }
            return ExitCodes.Success;
        });
    }

    private static async Task<int> DeriveAsync(ToolConsole console, IKeyGenerator keygen, string? file, OutputOptions report)
    {
        IReadOnlyList<string> recipients;
        if (file is null or "-")
        {
            using var stdin = console.OpenStdin();
            using var buffer = new MemoryStream();
            await stdin.CopyToAsync(buffer);
            var bytes = buffer.ToArray();
            Array.Clear(buffer.GetBuffer());
            try
            {
                recipients = await keygen.DeriveRecipientsFromContentsAsync(bytes);
            }
            finally
            {
                Array.Clear(bytes);
            }
        }
        else
        {
            recipients = await keygen.DeriveRecipientsAsync(file);
        }
        if (report.Json)
            JsonReport.Write(console, new { path = file, recipients });
        else
            foreach (var recipient in recipients)
                console.Out.WriteLine(recipient);
        return ExitCodes.Success;
    }
}
