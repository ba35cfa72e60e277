namespace Cage.Tool;

/// <summary>Entry point of dotnet-cage.</summary>
public static class Program
{
    /// <summary>Runs the tool; the exit code follows <see cref="ExitCodes"/>.</summary>
    public static int Main(string[] args) => CageApp.Run(args, ToolConsole.FromProcess());
}
