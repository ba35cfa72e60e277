using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Cage.Testing;

/// <summary>The outcome of one run of the real dotnet-cage process.</summary>
public sealed record ToolRun(int ExitCode, byte[] Stdout, string Stderr)
{
    public string StdoutText => Encoding.UTF8.GetString(Stdout);

    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

    public override string ToString() => $"exit {ExitCode}\nstdout: {StdoutText}\nstderr: {Stderr}";
}

/// <summary>
/// Runs the built dotnet-cage.dll with <c>dotnet exec</c> in a temp folder with an isolated environment: its own
/// XDG_CONFIG_HOME (so the default key file is per test) and no CAGE_* variables from the caller.
/// </summary>
public sealed class ToolProcess : IDisposable
{
    private static readonly string[] ClearedVariables =
    {
        "CAGE_IDENTITY", "CAGE_IDENTITY_FILE", "CAGE_PASSPHRASE", "CAGE_NEW_PASSPHRASE", "CAGE_RECIPIENTS_FILE", "CAGE_EXTENSION",
        "CAGE_STREAMING_STRATEGY", "CAGE_AGE_PATH", "CAGE_AGE_KEYGEN_PATH", "CAGE_TEMP_DIR", "NO_COLOR", "VISUAL", "EDITOR",
    };

    public ToolProcess()
    {
        Dir = new TempDir("cage-tool-test-");
        ConfigHome = Path.Combine(Dir.Path, "xdg");
        Work = Path.Combine(Dir.Path, "work");
        Directory.CreateDirectory(ConfigHome);
        Directory.CreateDirectory(Work);
        _ = AgeCli.AgePath; // fails loudly, naming the fix, when age is missing
    }

    public TempDir Dir { get; }

    /// <summary>XDG_CONFIG_HOME of the tool: the default key file is ConfigHome/cage/keys.txt.</summary>
    public string ConfigHome { get; }

    /// <summary>The tool's working directory.</summary>
    public string Work { get; }

    public Dictionary<string, string?> Environment { get; } = new();

    public string DefaultKeyFile => Path.Combine(ConfigHome, "cage", "keys.txt");

    public static string ToolDll => Path.Combine(AppContext.BaseDirectory, "dotnet-cage.dll");

    public string PathIn(string relative) => Path.Combine(Work, relative);

    public string Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var path = PathIn(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public ToolRun Run(params string[] args) => RunWith(null, args);

    public ToolRun RunWith(byte[]? stdin, params string[] args) => Start("dotnet", new[] { "exec", ToolDll }.Concat(args), stdin);

    /// <summary>Runs in a new session with no controlling terminal (so no prompt is possible).</summary>
    public ToolRun RunDetached(params string[] args) => Start("setsid", new[] { "-w", "dotnet", "exec", ToolDll }.Concat(args), null);

    /// <summary>The command line that runs the tool, quoted for sh (for script/tmux).</summary>
    public string ShellCommand(params string[] args) =>
        string.Join(' ', new[] { "dotnet", "exec", ToolDll }.Concat(args).Select(Quote));

    public static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    public ToolRun Start(string file, IEnumerable<string> args, byte[]? stdin)
    {
        using var running = Launch(file, args, stdin);
        return running.WaitForExit(TimeSpan.FromMinutes(2));
    }

    /// <summary>Starts the tool and returns while it runs, so a test can signal or kill it mid-work.</summary>
    public RunningTool StartTool(params string[] args) => Launch("dotnet", new[] { "exec", ToolDll }.Concat(args), null);

    /// <summary>Starts any program in the tool's folder and environment and returns while it runs.</summary>
    public RunningTool StartProcess(string file, params string[] args) => Launch(file, args, null);

    private RunningTool Launch(string file, IEnumerable<string> args, byte[]? stdin)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Work,
        };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        foreach (var name in ClearedVariables)
            start.Environment.Remove(name);
        start.Environment["XDG_CONFIG_HOME"] = ConfigHome;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (k, v) in Environment)
        {
            if (v is null)
                start.Environment.Remove(k);
            else
                start.Environment[k] = v;
        }
        return new RunningTool(Process.Start(start)!, stdin);
    }

    /// <summary>A new key pair made with the real age-keygen: (key file path, recipient).</summary>
    public (string KeyFile, string Recipient) NewKey(string name)
    {
        var (identity, recipient) = AgeCli.Keygen();
        var path = Path.Combine(Dir.Path, name);
        File.WriteAllText(path, identity);
        return (path, recipient);
    }

    public void Dispose() => Dir.Dispose();
}

/// <summary>A dotnet-cage (or helper) process still running: its pid, and its outcome once it ends.</summary>
public sealed class RunningTool : IDisposable
{
    private readonly Process _process;
    private readonly Task<byte[]> _stdout;
    private readonly Task<string> _stderr;

    internal RunningTool(Process process, byte[]? stdin)
    {
        _process = process;
        _stdout = Task.Run(() =>
        {
            using var ms = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(ms);
            return ms.ToArray();
        });
        _stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            try
            {
                process.StandardInput.BaseStream.Write(stdin);
            }
            catch (IOException)
            {
            }
        }
        process.StandardInput.Close();
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public ToolRun WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(true);
            throw new TimeoutException($"{_process.StartInfo.FileName} did not finish within {timeout}");
        }
        _process.WaitForExit(); // drains the redirected streams
        return new ToolRun(_process.ExitCode, _stdout.Result, _stderr.Result);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(true);
        _process.Dispose();
    }
}
