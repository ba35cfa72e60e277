using Xunit;

namespace Cage.Testing;

public static class ToolAssert
{
    /// <summary>Checks the exit code and that stderr names the error code in the documented shape.</summary>
    public static void Failed(ToolRun run, int exitCode, string codeId)
    {
        Assert.True(run.ExitCode == exitCode, $"expected exit {exitCode}, got {run}");
        Assert.Contains($"({codeId})", run.Stderr);
        Assert.Contains("cage: error: ", run.Stderr);
        Assert.Contains("cage: hint: ", run.Stderr);
    }

    public static ToolRun Ok(ToolRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }
}
