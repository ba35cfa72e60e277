using System.Reflection;
using Cage.Adapter;
using Cage.Tool.Commands;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool;

/// <summary>Builds the command tree and turns failures into exit codes and coded messages.</summary>
internal static class CageApp
{
    public static int Run(string[] args, ToolConsole console)
    {
        var app = Build(console);
        try
        {
            Options.CommandLineSecrets.RefusePassphraseValue(args);
            return app.Execute(args);
        }
        catch (CommandParsingException e)
        {
            console.WriteError(new CageException(CageErrorCode.UsageError, e.Message, hint: $"see 'dotnet cage {e.Command.Name} --help'"));
            return ExitCodes.Usage;
        }
        catch (CageException e)
        {
            console.WriteError(e);
            return e.Code == CageErrorCode.UsageError ? ExitCodes.Usage : ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("cage: cancelled");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // File system trouble outside the adapter's coded paths (e.g. deleting an original): still a clean message.
            console.WriteError(new CageException(CageErrorCode.OutputNotWritable, e.Message, e));
            return ExitCodes.Failed;
        }
    }

    public static string Version =>
        typeof(CageApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    // Missing required arguments and the like: the same coded usage error (exit 2) as any other.
    private static int UsageError(System.ComponentModel.DataAnnotations.ValidationResult result) =>
        throw new CageException(CageErrorCode.UsageError, result.ErrorMessage);

    private static CommandLineApplication Build(ToolConsole console)
    {
        var app = new CommandLineApplication
        {
            Name = "dotnet-cage",
            FullName = "dotnet cage: age-encrypted secrets for .NET repositories",
            Description = "Lock, unlock, rotate and edit age-encrypted files; manage keys; check the setup.",
            ExtendedHelpText = Help.Examples(
                "dotnet cage keygen",
                "dotnet cage init",
                "dotnet cage lock appsettings.secrets.json",
                "dotnet cage unlock --recursive config/",
                "dotnet cage status --json"),
        };
        app.HelpOption("-h|--help", inherited: true);
        app.VersionOption("--version", Version);
        var commands = new ICommand[]
        {
            new EncryptCommand(), new DecryptCommand(), new KeygenCommand(), new InitCommand(), new StatusCommand(),
            new VerifyCommand(), new LockCommand(), new UnlockCommand(), new RotateCommand(), new EditCommand(), new DoctorCommand(),
        };
        app.Out = new Output.HintlessWriter(console.Out);
        app.ValidationErrorHandler = UsageError;
        foreach (var command in commands)
        {
            app.Command(command.Name, c =>
            {
                c.Out = app.Out;
                c.ValidationErrorHandler = UsageError;
                command.Configure(c, console);
            });
        }
        app.OnExecute(() =>
        {
            app.ShowHelp();
            return ExitCodes.Usage;
        });
        return app;
    }
}
