using Cage.Adapter.Engines;
using System.Text;
using Cage.Adapter.Passphrases;
using Cage.Testing;
using static Cage.Adapter.Tests.Passphrases.PassphraseKit;

namespace Cage.Adapter.Tests.Passphrases;

/// <summary>While age runs, its argv and environment hold no secret; with the pipe strategy its stdin is a pipe.</summary>
[Collection(ProcessInspectionCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SecretExposureTests
{
    private const string SecretText = "sekrit-Passphrase-7f3a9c";

    [Theory]
    [InlineData(StreamingStrategy.Pipe, true)]
    [InlineData(StreamingStrategy.Pipe, false)]
    [InlineData(StreamingStrategy.TempFile, true)]
    [InlineData(StreamingStrategy.TempFile, false)]
    public async Task Passphrase_is_absent_from_age_cmdline_and_environ(StreamingStrategy strategy, bool encrypt)
    {
        var passphrase = Passphrase.FromString(SecretText);
        using var bin = new TempDir();
        var ciphertext = encrypt ? null : await EncryptAsync(Engine(strategy), RandomData.Bytes(300), passphrase);
        // Pipe: the input blocks after a few bytes, so age stays alive. Tempfile: age starts stopped until found
        // (a real age once continued), as a busy machine could otherwise miss a short-lived one.
        var engine = strategy == StreamingStrategy.Pipe ? Engine(strategy) : Engine(strategy, agePath: Cage.Testing.FakeAge.PausedAtStart(bin.Path));
        var command = strategy == StreamingStrategy.Pipe ? "age" : Cage.Testing.FakeAge.PausedAtStartCommand;
        Environment.SetEnvironmentVariable(CageEnvironmentVariables.Passphrase, SecretText);
        Environment.SetEnvironmentVariable(CageEnvironmentVariables.Identity, "AGE-SECRET-KEY-1NOTREAL");
        try
        {
            var input = strategy == StreamingStrategy.Pipe
                ? (encrypt ? new GatedStream(new byte[16], gateAt: 16) : new GatedStream(ciphertext!, gateAt: 200))
                : null;
            var run = encrypt
                ? engine.EncryptAsync((Stream?)input ?? new MemoryStream(new byte[16]), new MemoryStream(), EncryptOptions.ForPassphrase(passphrase))
                : engine.DecryptAsync((Stream?)input ?? new MemoryStream(ciphertext!), new MemoryStream(), DecryptOptions.ForPassphrase(passphrase));

            var pid = await ChildProcesses.WaitForAsync(command, TimeSpan.FromSeconds(20));
            Assert.True(pid is not null, $"age never showed up (the run is {run.Status}: {run.Exception?.InnerException?.Message})");
            var child = ChildProcesses.Inspect(pid!.Value);
            Assert.NotNull(child);
            var secret = Encoding.UTF8.GetBytes(SecretText);
            Assert.False(Contains(child!.CmdLine, secret), "passphrase in age's argv");
            Assert.False(Contains(child.Environ, secret), "passphrase in age's environment");
            Assert.False(Contains(child.Environ, Encoding.ASCII.GetBytes("CAGE_PASSPHRASE=")), "CAGE_PASSPHRASE passed to age");
            Assert.False(Contains(child.Environ, Encoding.ASCII.GetBytes("CAGE_IDENTITY=")), "CAGE_IDENTITY passed to age");
            Assert.True(child.Environ.Length > 0, "could not read age's environment");
            if (strategy == StreamingStrategy.Pipe)
                Assert.StartsWith("pipe:", new FileInfo($"/proc/{pid}/fd/0").LinkTarget);

            input?.Release();
            if (strategy != StreamingStrategy.Pipe)
                Signals.Send(pid.Value, Signals.SIGCONT);
            await run;
        }
        finally
        {
            Environment.SetEnvironmentVariable(CageEnvironmentVariables.Passphrase, null);
            Environment.SetEnvironmentVariable(CageEnvironmentVariables.Identity, null);
        }
        Assert.Empty(ChildProcesses.Find("age"));
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
