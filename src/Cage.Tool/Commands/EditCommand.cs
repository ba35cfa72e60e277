using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

internal sealed class EditCommand : ICommand
{
    public string Name => "edit";

    public void Configure(CommandLineApplication command, ToolConsole console) => command.OnExecute(() => 1);
}
