using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

internal sealed class StatusCommand : ICommand
{
    public string Name => "status";

    public void Configure(CommandLineApplication command, ToolConsole console) => command.OnExecute(() => 1);
}
