using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

internal sealed class DoctorCommand : ICommand
{
    public string Name => "doctor";

    public void Configure(CommandLineApplication command, ToolConsole console) => command.OnExecute(() => 1);
}
