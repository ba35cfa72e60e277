using System.Collections;
using System.Diagnostics;
using System.Text;

namespace Cage.Build.Tasks.Tests.Infrastructure;

/// <summary>What a dotnet command printed (stdout and stderr interleaved) and how it exited.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string Output)
{
    public CommandResult EnsureSuccess()
    {
        if (ExitCode != 0)
            throw new InvalidOperationException($"'{CommandLine}' exited {ExitCode}:\n{Output}");
        return this;
    }

    public CommandResult EnsureFailure()
    {
        if (ExitCode == 0)
            throw new InvalidOperationException($"'{CommandLine}' was expected to fail but succeeded:\n{Output}");
        return this;
    }
}

/// <summary>
/// Runs the real dotnet CLI in a clean environment: no MSBuild variables from the test host, no CAGE_* from the
/// developer, no node reuse (so no build node keeps a task DLL loaded), no default key file.
/// </summary>
public static class DotnetCli
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(4);

    public static CommandResult Run(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        CleanEnvironment(start.Environment);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        var commandLine = "dotnet " + string.Join(' ', start.ArgumentList);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout ?? DefaultTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{commandLine}' did not finish in time:\n{output}");
        }
        process.WaitForExit();
        lock (output)
            return new CommandResult(commandLine, process.ExitCode, output.ToString());
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }

    private static void CleanEnvironment(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.ToList())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("CAGE_", StringComparison.Ordinal)
                || name is "NUGET_PACKAGES" or "DOTNET_HOST_PATH" or "XDG_CONFIG_HOME")
                environment.Remove(name);
        }
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
    }
}
