using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

internal sealed class LockCommand : ICommand
{
    public string Name => "lock";

    public void Configure(CommandLineApplication command, ToolConsole console) => command.OnExecute(() => 1);
}
