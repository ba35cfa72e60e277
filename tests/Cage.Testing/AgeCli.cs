using System.Diagnostics;
using Cage.Adapter;
using Cage.Adapter.Binary;

namespace Cage.Testing;

/// <summary>
/// The plain age and age-keygen CLIs, run directly (not through the adapter) for interop checks.
/// Fails loudly when age is missing: tests never skip silently.
/// </summary>
public static class AgeCli
{
    private static readonly Lazy<string> AgeLazy = new(() => Require("age"));
    private static readonly Lazy<string> KeygenLazy = new(() => Require("age-keygen"));

    public static string AgePath => AgeLazy.Value;
    public static string KeygenPath => KeygenLazy.Value;

    private static string Require(string name)
    {
        var path = AgeLocator.SearchPath(name, Environment.GetEnvironmentVariable("PATH"));
        if (path is null)
            throw new InvalidOperationException($"'{name}' is not on PATH. These tests use the real age binary: install it with 'apt-get install -y age' (or run ./setup.sh).");
        return path;
    }

    /// <summary>A new X25519 identity: (secret key file contents, public recipient).</summary>
    public static (string Identity, string Recipient) Keygen()
    {
        var identity = Run(KeygenPath, Array.Empty<string>()).StdoutText;
        var recipient = identity.Split('\n').First(l => l.StartsWith("# public key: ", StringComparison.Ordinal))["# public key: ".Length..].Trim();
        return (identity, recipient);
    }

    public static ProcessOutcome Run(string file, IEnumerable<string> args, byte[]? stdin = null, IDictionary<string, string?>? env = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        if (env is not null)
        {
            foreach (var (k, v) in env)
            {
                if (v is null)
                    start.Environment.Remove(k);
                else
                    start.Environment[k] = v;
            }
        }
        using var p = Process.Start(start)!;
        var stdoutTask = Task.Run(() =>
        {
            using var ms = new MemoryStream();
            p.StandardOutput.BaseStream.CopyTo(ms);
            return ms.ToArray();
        });
        var stderrTask = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            try
            {
                p.StandardInput.BaseStream.Write(stdin);
            }
            catch (IOException)
            {
            }
        }
        p.StandardInput.Close();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(true);
            throw new TimeoutException($"{file} did not finish");
        }
        return new ProcessOutcome(p.ExitCode, stdoutTask.Result, stderrTask.Result);
    }

    public static ProcessOutcome Age(params string[] args) => Run(AgePath, args);

    public static ProcessOutcome Age(byte[] stdin, params string[] args) => Run(AgePath, args, stdin);
}

public sealed record ProcessOutcome(int ExitCode, byte[] Stdout, string Stderr)
{
    public string StdoutText => System.Text.Encoding.UTF8.GetString(Stdout);

    public ProcessOutcome EnsureSuccess()
    {
        if (ExitCode != 0)
            throw new InvalidOperationException($"exit {ExitCode}: {Stderr}");
        return this;
    }
}
