using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>
/// 20 operations at once through one adapter process (recipients and both passphrase strategies, file to file):
/// all round-trip, and afterwards the process has as many open descriptors and child processes as before.
/// </summary>
public sealed class ConcurrentOperationsTests : IDisposable
{
    private const int Operations = 20;
    private static readonly Cage.Adapter.Passphrases.Passphrase Secret = Cage.Adapter.Passphrases.Passphrase.FromString("concurrent passphrase");
    private readonly TempDir _work = new("cage-rel-load-");
    private readonly string _identityFile;
    private readonly string _recipient;
    private readonly string _tempRoot;

    public ConcurrentOperationsTests()
    {
        (_identityFile, _recipient) = TestKeys.NewAgeKey(_work);
        _tempRoot = Directory.CreateDirectory(_work.File("private-temp")).FullName;
    }

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Twenty_concurrent_round_trips_leave_no_descriptor_and_no_child_behind()
    {
        var engines = Enum.GetValues<KeyPath>().ToDictionary(p => p, p => KeyPaths.Engine(p, _tempRoot));
        // Warm up every path once, so lazily opened runtime handles (PTY library, thread pool, timers) count as "before".
        for (var i = 0; i < 3; i++)
            await RoundTripAsync(engines, (KeyPath)i, $"warm{i}");
        var descriptorsBefore = await ChildProcesses.SettledDescriptorCountAsync();
        var targetsBefore = DescriptorTargets();
        var childrenBefore = ChildProcesses.All();

        await Task.WhenAll(Enumerable.Range(0, Operations).Select(i =>
            Task.Run(() => RoundTripAsync(engines, i % 5 == 0 ? KeyPath.PassphrasePipe : i % 5 == 1 ? KeyPath.PassphraseTempFile : KeyPath.Recipient, $"op{i:D2}"))));

        Assert.Empty(ChildProcesses.Find("age"));
        Assert.Equal(childrenBefore, ChildProcesses.All());
        var descriptorsAfter = await SettledDescriptorCountAsync(descriptorsBefore);
        Assert.True(descriptorsBefore == descriptorsAfter,
            $"{descriptorsBefore} descriptors before, {descriptorsAfter} after; new: {string.Join(", ", DescriptorTargets().Except(targetsBefore))}; gone: {string.Join(", ", targetsBefore.Except(DescriptorTargets()))}");
        Assert.Empty(Directory.GetFileSystemEntries(_tempRoot));
        Assert.DoesNotContain(Aftermath.Entries(_work.Path), e => Aftermath.IsCageTemp(Path.GetFileName(e)));
    }

    private async Task RoundTripAsync(IReadOnlyDictionary<KeyPath, AgeBinaryEngine> engines, KeyPath path, string name)
    {
        var plaintext = RandomData.Bytes(256 * 1024 + name.Length, seed: name.GetHashCode());
        var plain = _work.Write(name + ".bin", plaintext);
        await engines[path].EncryptFileAsync(plain, plain + ".age", KeyPaths.Encrypt(path, _recipient, Secret));
        await engines[path].DecryptFileAsync(plain + ".age", plain + ".out", KeyPaths.Decrypt(path, _identityFile, Secret));
        Assert.Equal(plaintext, File.ReadAllBytes(plain + ".out"));
    }

    private static IReadOnlyList<string> DescriptorTargets() =>
        Directory.GetFiles("/proc/self/fd").Select(fd =>
        {
            try
            {
                return $"{Path.GetFileName(fd)}->{File.ResolveLinkTarget(fd, false)?.FullName}";
            }
            catch (IOException)
            {
                return Path.GetFileName(fd);
            }
        }).ToList();

    // Descriptors close when finalizers and the thread pool get to them: give them a moment, then compare exactly.
    private static async Task<int> SettledDescriptorCountAsync(int target)
    {
        var count = ChildProcesses.OpenDescriptorCount();
        for (var attempt = 0; attempt < 50 && count != target; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(100);
            count = ChildProcesses.OpenDescriptorCount();
        }
        return count;
    }
}
