using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

internal sealed class RotateCommand : ICommand
{
    public string Name => "rotate";

    public void Configure(CommandLineApplication command, ToolConsole console) => command.OnExecute(() => 1);
}
