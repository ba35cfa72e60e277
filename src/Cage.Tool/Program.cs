namespace Cage.Tool;

/// <summary>Entry point of dotnet-cage.</summary>
public static class Program
{
    /// <summary>Runs the tool.</summary>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("dotnet-cage: commands arrive in the next change");
        return args.Length == 0 ? 2 : 1;
    }
}
