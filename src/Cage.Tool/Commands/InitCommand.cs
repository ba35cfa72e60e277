using Cage.Adapter;
using Cage.Adapter.Configuration;
using Cage.Adapter.Identities;
using Cage.Adapter.Keys;
using Cage.Adapter.Recipients;
using Cage.Tool.Options;
using Cage.Tool.Output;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

/// <summary><c>init</c>: creates <c>.cage/recipients</c> and <c>.cage/config</c>, prints the MSBuild snippet.</summary>
internal sealed class InitCommand : ICommand
{
    public string Name => "init";

    public void Configure(CommandLineApplication command, ToolConsole console)
    {
        command.Description = "Set up .cage/ in the current folder: a recipients file (your key's recipient unless -r is given) and a config file; print the MSBuild snippet.";
        command.ExtendedHelpText = Help.Examples(
            "dotnet cage init",
            "dotnet cage init -r age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p -r age1...",
            "dotnet cage init --extension .enc --json");
        var recipientValues = command.Option("-r|--recipient <RECIPIENT>", "Recipient to put in .cage/recipients. Repeatable.", CommandOptionType.MultipleValue);
        var extension = command.Option("--extension <EXT>", "Extension of encrypted files (default .age).", CommandOptionType.SingleValue);
        var force = command.Option("-f|--force", "Replace existing .cage/recipients and .cage/config.", CommandOptionType.NoValue);
        var report = new OutputOptions(command);
        command.OnExecute(async () =>
        {
            var folder = Path.Combine(console.WorkingDirectory, ConfigurationResolver.FolderName);
            var recipientsPath = Path.Combine(folder, ConfigurationResolver.RecipientsFileName);
            var configPath = Path.Combine(folder, ConfigurationResolver.ConfigFileName);
            foreach (var path in new[] { recipientsPath, configPath })
            {
                if (File.Exists(path) && !force.HasValue())
                    throw new CageException(CageErrorCode.OutputExists, $"'{path}'", hint: "the repository is already set up; pass --force to replace its Cage files");
            }
            var (recipients, origin) = await ChooseRecipientsAsync(console, recipientValues.Values.Select(v => v!).ToList());
            var ext = extension.Value() ?? CageConfiguration.DefaultExtension;
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(recipientsPath, RecipientsText(recipients, origin));
            await File.WriteAllTextAsync(configPath, ConfigurationFile.Render(new Dictionary<string, string>
            {
                [ConfigurationKeys.Recipients] = ConfigurationResolver.RecipientsFileName,
                [ConfigurationKeys.Extension] = ext.StartsWith('.') ? ext : "." + ext,
                [ConfigurationKeys.Strategy] = CageConfiguration.DefaultStrategy,
            }));
            // Validates what was written (e.g. a bad --extension) the same way every later command will.
            var configuration = ConfigurationResolver.Resolve(console.WorkingDirectory, console.Environment);
            var snippet = MsBuildSnippet(configuration.Extension.Value);
            if (report.Json)
            {
                JsonReport.Write(console, new { root = console.WorkingDirectory, recipientsFile = recipientsPath, configFile = configPath, recipients, msbuild = snippet });
            }
            else if (!report.Quiet)
            {
                console.Out.WriteLine($"created {recipientsPath} ({recipients.Count} recipient(s), {origin})");
                console.Out.WriteLine($"created {configPath}");
                console.Out.WriteLine();
                console.Out.WriteLine("Add this to your project file to decrypt secrets at build time:");
                console.Out.WriteLine();
                console.Out.WriteLine(snippet);
            }
            if (recipients.Count == 0)
                console.WriteWarning("no recipient yet: add one to .cage/recipients (run 'dotnet cage keygen' to make a key)");
            return ExitCodes.Success;
        });
    }

    private static async Task<(IReadOnlyList<string> Recipients, string Origin)> ChooseRecipientsAsync(ToolConsole console, IReadOnlyList<string> given)
    {
        if (given.Count > 0)
            return (given.Select(r => Recipient.Parse(r, "-r").Value).ToList(), "from -r");
        var keyFile = IdentityResolver.DefaultKeyFile(console.Environment);
        if (!File.Exists(keyFile))
            return (Array.Empty<string>(), "none found");
        var derived = await KeyGenerators.Create(null, console.Environment).DeriveRecipientsAsync(keyFile);
        return (derived, $"from {keyFile}");
    }

    private static string RecipientsText(IReadOnlyList<string> recipients, string origin) =>
        "# Recipients of this repository's secrets: one age1... or ssh-ed25519/ssh-rsa public key per line.\n" +
        $"# Created by 'dotnet cage init' ({origin}). Share public keys only.\n" +
        string.Concat(recipients.Select(r => r + "\n"));

    // Matches build/Cage.Build.targets: TargetPath defaults to the name without ".age", so another extension names it.
    public static string MsBuildSnippet(string extension)
    {
        var targetPath = extension == CageConfiguration.DefaultExtension ? "" : " TargetPath=\"appsettings.Production.json\"";
        return "<ItemGroup>\n" +
            $"  <PackageReference Include=\"Cage.Build\" Version=\"{CageApp.Version}\" PrivateAssets=\"all\" />\n" +
            "  <!-- Decrypted into obj/ at build time, copied to the build and publish output as appsettings.Production.json. -->\n" +
            $"  <CageDecrypt Include=\"secrets/appsettings.Production.json{extension}\"{targetPath} />\n" +
            "</ItemGroup>";
    }
}
