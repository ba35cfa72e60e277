namespace Cage.Testing;

/// <summary>Looks at this process's children through /proc (Linux): to prove what a child can see.</summary>
public static class ChildProcesses
{
    public sealed record Child(int Pid, string Command, byte[] CmdLine, byte[] Environ);

    /// <summary>Direct children of this process whose command name is <paramref name="command"/>.</summary>
    public static IReadOnlyList<int> Find(string command, int? parent = null)
    {
        var parentPid = parent ?? Environment.ProcessId;
        return Where((comm, fields) => int.Parse(fields[1]) == parentPid && comm == command);
    }

    /// <summary>Reads a child's argv and environment while it runs.</summary>
    public static Child? Inspect(int pid)
    {
        try
        {
            var cmd = File.ReadAllBytes($"/proc/{pid}/cmdline");
            var env = File.ReadAllBytes($"/proc/{pid}/environ");
            var comm = File.ReadAllText($"/proc/{pid}/comm").Trim();
            return new Child(pid, comm, cmd, env);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Waits until a child named <paramref name="command"/> shows up; returns its pid or null.</summary>
    public static async Task<int?> WaitForAsync(string command, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = Find(command);
            if (found.Count > 0)
                return found[0];
            await Task.Delay(5);
        }
        return null;
    }

    /// <summary>Every direct child of this process, whatever its name (for "nothing left running" checks).</summary>
    public static IReadOnlyList<int> All() => Where((_, fields) => int.Parse(fields[1]) == Environment.ProcessId);

    /// <summary>
    /// Any process on the machine whose argv contains <paramref name="marker"/>: finds age processes a killed
    /// tool left behind (they are re-parented, so <see cref="Find"/> no longer sees them).
    /// </summary>
    public static IReadOnlyList<int> WithArgument(string marker)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(marker);
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
                continue;
            try
            {
                if (File.ReadAllBytes(Path.Combine(dir, "cmdline")).AsSpan().IndexOf(needle) >= 0)
                    found.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    // Processes whose /proc/PID/stat matches: (command name, the fields after it: state, ppid, ...).
    private static IReadOnlyList<int> Where(Func<string, string[], bool> matches)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var comm = stat[(stat.IndexOf('(') + 1)..close];
                if (matches(comm, stat[(close + 2)..].Split(' ')))
                    found.Add(pid);
            }
            catch (IOException)
            {
            }
        }
        return found;
    }

    /// <summary>Count of open file descriptors of this process.</summary>
    public static int OpenDescriptorCount() => Directory.GetFiles("/proc/self/fd").Length;

    /// <summary>
    /// The open descriptor count once garbage from earlier tests is finalized: their finalizers close handles, and
    /// doing that during a measurement makes "after" look smaller than "before".
    /// </summary>
    public static async Task<int> SettledDescriptorCountAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        await Task.Delay(100);
        return OpenDescriptorCount();
    }
}
