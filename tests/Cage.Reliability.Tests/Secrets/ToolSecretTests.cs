using System.Text;
using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>
/// Passphrases and identities handed to dotnet-cage through the environment and files never reach age's argv
/// or environment (recorded by a wrapper that then runs the real age), nor the tool's stdout or stderr, in text
/// or JSON, on success or failure, for every command that handles them.
/// </summary>
public sealed class ToolSecretTests : IDisposable
{
    private const string Passphrase = "hunter2-unique-passphrase-7f3a";
    private const string NewPassphrase = "second-unique-passphrase-91c4";
    private readonly ToolScene _scene = new();
    private readonly string _log;
    private readonly string _identity;
    private readonly string _secretKeyLine;

    public ToolSecretTests()
    {
        _log = Path.Combine(Tool.Dir.Path, "age-calls.log");
        _identity = File.ReadAllText(_scene.KeyFile);
        _secretKeyLine = _identity.Split('\n').First(l => l.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal)).Trim();
        Tool.Environment["CAGE_AGE_PATH"] = FakeAge.Recording(Tool.Dir.Path, _log);
    }

    public void Dispose() => _scene.Dispose();

    private ToolProcess Tool => _scene.Tool;

    [Theory]
    [InlineData("pipe")]
    [InlineData("tempfile")]
    public void Passphrase_commands_keep_the_passphrase_out_of_age_and_out_of_every_output(string strategy)
    {
        Tool.Write("a.txt", "A");
        Tool.Write("pass.txt", Passphrase + "\n");
        Tool.Environment["CAGE_PASSPHRASE"] = Passphrase;
        Tool.Environment["CAGE_NEW_PASSPHRASE"] = NewPassphrase;
        Tool.Environment["CAGE_STREAMING_STRATEGY"] = strategy;
        var runs = new List<ToolRun>
        {
            ToolAssert.Ok(Tool.Run("lock", "-p", "a.txt", "--json")),
            ToolAssert.Ok(Tool.Run("verify", "--deep", "a.txt.age", "--json")),
            ToolAssert.Ok(Tool.Run("unlock", "--passphrase-file", "pass.txt", "a.txt.age", "--force")),
            ToolAssert.Ok(Tool.Run("rotate", "-p", "a.txt.age", "--json")),
        };
        Tool.Environment["CAGE_PASSPHRASE"] = "wrong " + Passphrase;
        runs.Add(Tool.Run("unlock", "a.txt.age", "--force", "--json")); // fails: old passphrase after the rotation
        runs.Add(Tool.Run("decrypt", "a.txt.age"));

        Assert.Contains("CAGE009", runs[^2].StdoutText);
        AssertNowhere(runs, Passphrase, NewPassphrase);
    }

    [Fact]
    public void Identity_contents_from_CAGE_IDENTITY_stay_out_of_age_and_out_of_every_output()
    {
        Tool.Write("a.txt", "A");
        ToolAssert.Ok(Tool.Run("lock", "a.txt", "--remove-original"));
        Tool.Environment.Remove("CAGE_IDENTITY_FILE");
        Tool.Environment["CAGE_IDENTITY"] = _identity;
        var (_, newRecipient) = AgeCli.Keygen();
        var runs = new List<ToolRun>
        {
            ToolAssert.Ok(Tool.Run("unlock", "a.txt.age", "--json")),
            ToolAssert.Ok(Tool.Run("verify", "--deep", "a.txt.age")),
            ToolAssert.Ok(Tool.Run("decrypt", "a.txt.age")),
            ToolAssert.Ok(Tool.Run("rotate", "-r", _scene.Recipient, "-r", newRecipient, "a.txt.age", "--json")),
        };
        // Failures: contents that are almost a key, and a key that does not match.
        Tool.Environment["CAGE_IDENTITY"] = _secretKeyLine[..^3] + "QQQ";
        runs.Add(Tool.Run("unlock", "a.txt.age", "--force", "--json"));
        Tool.Environment["CAGE_IDENTITY"] = AgeCli.Keygen().Identity;
        runs.Add(Tool.Run("unlock", "a.txt.age", "--force"));

        Assert.NotEqual(0, runs[^1].ExitCode);
        AssertNowhere(runs, _secretKeyLine, _secretKeyLine[..^3] + "QQQ");
    }

    /// <summary>Checks every recorded age call (argv and environment) and every run's stdout and stderr.</summary>
    private void AssertNowhere(IReadOnlyList<ToolRun> runs, params string[] secrets)
    {
        var calls = File.ReadAllText(_log);
        Assert.Contains("argv:", calls); // age really ran through the recorder
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, calls, StringComparison.OrdinalIgnoreCase);
            foreach (var run in runs)
            {
                Assert.DoesNotContain(secret, run.StdoutText, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(secret, run.Stderr, StringComparison.OrdinalIgnoreCase);
            }
        }
        Assert.DoesNotContain("CAGE_PASSPHRASE=", calls);
        Assert.DoesNotContain("CAGE_NEW_PASSPHRASE=", calls);
        Assert.DoesNotContain("CAGE_IDENTITY=", calls);
    }
}
