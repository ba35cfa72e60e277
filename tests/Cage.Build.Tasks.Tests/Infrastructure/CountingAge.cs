using Cage.Testing;

namespace Cage.Build.Tasks.Tests.Infrastructure;

/// <summary>
/// A wrapper around the REAL age binary (not a fake): it appends its arguments to a log, then execs age. Set as
/// CageAgePath it proves how many age processes a build started. Arguments never hold secrets (identities go
/// through FIFOs), so the log holds none either.
/// </summary>
public sealed class CountingAge
{
    public CountingAge(string folder)
    {
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, "age");
        LogPath = System.IO.Path.Combine(folder, "age-calls.log");
        File.WriteAllText(Path, $"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{LogPath}'\nexec '{AgeCli.AgePath}' \"$@\"\n");
        File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
    }

    public string Path { get; }
    public string LogPath { get; }

    /// <summary>One line per age process started so far.</summary>
    public IReadOnlyList<string> Calls() => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : Array.Empty<string>();
}
