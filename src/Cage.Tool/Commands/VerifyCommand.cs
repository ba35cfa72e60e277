using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

internal sealed class VerifyCommand : ICommand
{
    public string Name => "verify";

    public void Configure(CommandLineApplication command, ToolConsole console) => command.OnExecute(() => 1);
}
