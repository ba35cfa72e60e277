using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

internal sealed class KeygenCommand : ICommand
{
    public string Name => "keygen";

    public void Configure(CommandLineApplication command, ToolConsole console) => command.OnExecute(() => 1);
}
