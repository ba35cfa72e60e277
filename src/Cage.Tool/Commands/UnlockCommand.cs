using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

internal sealed class UnlockCommand : ICommand
{
    public string Name => "unlock";

    public void Configure(CommandLineApplication command, ToolConsole console) => command.OnExecute(() => 1);
}
