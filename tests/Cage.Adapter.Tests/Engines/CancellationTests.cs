using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Identities;
using Cage.Adapter.Recipients;
using Cage.Testing;

namespace Cage.Adapter.Tests.Engines;

[Collection(nameof(Identities.ProcessEnvironmentCollection))] // counts child processes and fds: run alone
public sealed class CancellationTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly AgeBinaryEngine _engine = new();

    [Fact]
    public async Task Cancelling_mid_stream_kills_age_and_leaves_nothing_behind()
    {
        var (identityFile, recipient) = TestKeys.NewAgeKey(_dir);
        var descriptorsBefore = await ChildProcesses.SettledDescriptorCountAsync();

        for (var round = 0; round < 3; round++)
        {
            var input = new GatedStream(RandomData.Bytes(2 * 1024 * 1024), gateAt: 512 * 1024);
            using var cancel = new CancellationTokenSource();
            var destination = _dir.File("out.age");
            await using (var output = AtomicFile.Create(destination))
            {
                var run = _engine.EncryptAsync(input, output.Stream, EncryptOptions.ForRecipients(RecipientSet.Empty.Add(recipient)), cancel.Token);
                await input.ReachedGate.WaitAsync(TimeSpan.FromSeconds(30));
                Assert.NotNull(await ChildProcesses.WaitForAsync("age", TimeSpan.FromSeconds(10)));
                cancel.Cancel();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
            }
            Assert.False(File.Exists(destination));
        }

        Assert.Empty(ChildProcesses.Find("age"));
        Assert.Equal(new[] { "key.txt" }, _dir.Files());
        Assert.InRange(await ChildProcesses.SettledDescriptorCountAsync(), 0, descriptorsBefore + 2); // no leak across rounds
    }

    [Fact]
    public async Task Timeout_kills_a_stalled_age_with_a_coded_error()
    {
        var (identityFile, _) = TestKeys.NewAgeKey(_dir);
        var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { Timeout = TimeSpan.FromMilliseconds(500) });
        var input = new GatedStream(RandomData.Bytes(1000), gateAt: 10); // never released: age waits for its header
        var error = await Assert.ThrowsAsync<CageException>(() => engine.DecryptAsync(input, Stream.Null, DecryptOptions.ForIdentities(IdentitySource.FromFile(identityFile))).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(CageErrorCode.Timeout, error.Code);
        Assert.Empty(ChildProcesses.Find("age"));
    }

    public void Dispose() => _dir.Dispose();
}
