using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

internal sealed class InitCommand : ICommand
{
    public string Name => "init";

    public void Configure(CommandLineApplication command, ToolConsole console) => command.OnExecute(() => 1);
}
