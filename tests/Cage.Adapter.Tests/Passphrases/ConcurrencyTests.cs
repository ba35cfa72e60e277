using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Passphrases;
using Cage.Testing;
using static Cage.Adapter.Tests.Passphrases.PassphraseKit;

namespace Cage.Adapter.Tests.Passphrases;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ConcurrencyTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    public async Task At_most_MaxPassphraseConcurrency_age_processes_run_at_once(int limit, int expectedPeak)
    {
        using var temp = new TempDir();
        var log = temp.File("log");
        var fake = FakeAge(temp, "FakeAgeLogsOverlap",
            $"echo start >> '{log}'\nprintf 'Enter passphrase: ' > /dev/tty\nread x < /dev/tty\nsleep 0.5\necho end >> '{log}'\ncat");
        var engine = Engine(StreamingStrategy.Pipe, agePath: fake, concurrency: limit);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => DecryptAsync(engine, new byte[10], Secret)));

        var running = 0;
        var peak = 0;
        foreach (var line in File.ReadAllLines(log))
        {
            running += line == "start" ? 1 : -1;
            peak = Math.Max(peak, running);
        }
        Assert.Equal(expectedPeak, peak);
    }

    [Fact]
    public void Invalid_options_are_rejected_when_the_engine_is_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = AgeCli.AgePath, MaxPassphraseConcurrency = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = AgeCli.AgePath, PromptTimeout = TimeSpan.Zero }));
        var defaults = new AgeBinaryEngineOptions();
        Assert.Equal(2, defaults.MaxPassphraseConcurrency);
        Assert.Null(defaults.Strategy);
    }

    [Fact]
    public async Task File_operations_with_a_passphrase_write_atomically_and_0600()
    {
        using var temp = new TempDir();
        var engine = Engine(StreamingStrategy.Pipe);
        var plaintext = RandomData.Bytes(4096);
        var input = temp.Write("plain.json", plaintext);
        await engine.EncryptFileAsync(input, temp.File("plain.json.age"), EncryptOptions.ForPassphrase(Secret));
        await engine.DecryptFileAsync(temp.File("plain.json.age"), temp.File("out.json"), DecryptOptions.ForPassphrase(Secret));
        Assert.Equal(plaintext, File.ReadAllBytes(temp.File("out.json")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(temp.File("out.json")));

        var error = await Assert.ThrowsAsync<CageException>(() =>
            engine.DecryptFileAsync(temp.File("plain.json.age"), temp.File("wrong.json"), DecryptOptions.ForPassphrase(Passphrase.FromString("nope"))));
        Assert.Equal(CageErrorCode.IncorrectPassphrase, error.Code);
        Assert.Equal(new[] { "out.json", "plain.json", "plain.json.age" }, temp.Files());
    }
}
