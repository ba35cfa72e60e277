using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cage.Adapter.Binary;

/// <summary>
/// Finds age and age-keygen: an explicit path first, then <c>CAGE_AGE_PATH</c> / <c>CAGE_AGE_KEYGEN_PATH</c>,
/// then PATH. The version is read once per path and cached for the life of the process.
/// </summary>
public static class AgeLocator
{
    private static readonly ConcurrentDictionary<string, Lazy<string?>> VersionCache = new(StringComparer.Ordinal);

    /// <summary>Locates age, or throws <see cref="CageErrorCode.AgeNotFound"/>.</summary>
    public static AgeBinary LocateAge(string? explicitPath = null, CageEnvironment? environment = null) =>
        Locate("age", explicitPath, CageEnvironmentVariables.AgePath, CageErrorCode.AgeNotFound, environment);

    /// <summary>Locates age-keygen, or throws <see cref="CageErrorCode.AgeKeygenNotFound"/>.</summary>
    public static AgeBinary LocateAgeKeygen(string? explicitPath = null, CageEnvironment? environment = null) =>
        Locate("age-keygen", explicitPath, CageEnvironmentVariables.AgeKeygenPath, CageErrorCode.AgeKeygenNotFound, environment);

    private static AgeBinary Locate(string name, string? explicitPath, string variable, CageErrorCode code, CageEnvironment? environment)
    {
        environment ??= CageEnvironment.Process;
        var (candidate, origin) = explicitPath is { Length: > 0 }
            ? (explicitPath, "the explicit path")
            : environment.Get(variable) is { } fromVariable
                ? (fromVariable, variable)
                : (SearchPath(name, environment.Get("PATH")), "PATH");

        if (candidate is null)
            throw new CageException(code, $"'{name}' is not on PATH");
        var fullPath = Path.GetFullPath(candidate);
        if (!File.Exists(fullPath))
            throw new CageException(code, $"'{fullPath}' (from {origin}) does not exist");

        var version = VersionCache.GetOrAdd(fullPath, p => new Lazy<string?>(() => ReadVersion(p))).Value;
        if (version is null)
            throw new CageException(code, $"'{fullPath}' (from {origin}) could not be run with --version");
        return new AgeBinary(fullPath, version);
    }

    /// <summary>The first executable named <paramref name="name"/> in the PATH-style list, or null.</summary>
    public static string? SearchPath(string name, string? pathVariable)
    {
        if (pathVariable is null)
            return null;
        var names = OperatingSystem.IsWindows() ? new[] { name + ".exe", name } : new[] { name };
        foreach (var folder in pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var fileName in names)
            {
                var candidate = Path.Combine(folder, fileName);
                if (File.Exists(candidate) && IsExecutable(candidate))
                    return candidate;
            }
        }
        return null;
    }

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    private static string? ReadVersion(string path)
    {
        try
        {
            var start = new ProcessStartInfo(path, "--version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null)
                return null;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            var version = output.GetAwaiter().GetResult().Trim();
            return process.ExitCode == 0 && version.Length > 0 ? version.TrimStart('v') : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
