using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

/// <summary>One dotnet-cage command: declares its options and what it runs.</summary>
internal interface ICommand
{
    string Name { get; }

    void Configure(CommandLineApplication command, ToolConsole console);
}
