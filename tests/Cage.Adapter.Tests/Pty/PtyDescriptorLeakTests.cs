using Cage.Adapter.Tests.Passphrases;
using Cage.Testing;

namespace Cage.Adapter.Tests.Pty;

/// <summary>Counts this process's descriptors, so it runs alone (other tests would open and close their own meanwhile).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[Collection(ProcessInspectionCollection.Name)]
public sealed class PtyDescriptorLeakTests
{
    private const string Shell = "/bin/sh";

    [Fact]
    public async Task Spawning_and_disposing_leaks_no_descriptor()
    {
        using (var warmup = new PtyHarness(Shell, new[] { "-c", "true" }))
            await warmup.ExitAsync();
        var before = await ChildProcesses.SettledDescriptorCountAsync();
        for (var i = 0; i < 5; i++)
        {
            using var run = new PtyHarness(Shell, new[] { "-c", "echo x" });
            await run.ExitAsync();
            await run.StdoutText;
            await run.StderrText;
        }
        await Task.Delay(100);
        Assert.InRange(await ChildProcesses.SettledDescriptorCountAsync(), before - 2, before + 2); // each run opens 8: a leak shows
    }

    [Fact]
    public async Task Passphrase_runs_leak_no_descriptor_on_success_or_failure()
    {
        using var temp = new TempDir();
        var answers = PassphraseKit.FakeAge(temp, "FakeAgeAnswers", "printf 'Enter passphrase: ' > /dev/tty\nread x < /dev/tty\ncat");
        var hangs = PassphraseKit.FakeAge(temp, "FakeAgeHangs", "sleep 600");
        var good = PassphraseKit.Engine(Cage.Adapter.Passphrases.StreamingStrategy.Pipe, agePath: answers);
        var bad = PassphraseKit.Engine(Cage.Adapter.Passphrases.StreamingStrategy.Pipe, agePath: hangs, promptTimeout: TimeSpan.FromMilliseconds(300));
        await PassphraseKit.DecryptAsync(good, new byte[100], PassphraseKit.Secret);
        var before = await ChildProcesses.SettledDescriptorCountAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(new byte[100], await PassphraseKit.DecryptAsync(good, new byte[100], PassphraseKit.Secret));
            await Assert.ThrowsAsync<CageException>(() => PassphraseKit.DecryptAsync(bad, new byte[100], PassphraseKit.Secret));
        }
        await Task.Delay(100);
        Assert.InRange(await ChildProcesses.SettledDescriptorCountAsync(), before - 2, before + 2);
        Assert.Empty(ChildProcesses.Find("FakeAgeAnswers"));
        Assert.Empty(ChildProcesses.Find("sleep"));
    }
}
