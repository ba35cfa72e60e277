using Cage.Adapter;
using Cage.Adapter.Files;
using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>
/// age SIGKILLed in the middle of a 100 MiB stream, on every path data takes to age: the operation fails with
/// AgeCrashed, the destination is absent (encrypt) or keeps its old contents (decrypt), the input is intact,
/// no temp file or private folder remains and no age process is left.
/// </summary>
[Collection(BigFilesCollection.Name)]
public sealed class AgeKilledTests : IDisposable
{
    private readonly BigFiles _big;
    private readonly BigFileScene _scene = new("cage-rel-kill-");

    public AgeKilledTests(BigFiles big) => _big = big;

    public void Dispose() => _scene.Dispose();

    [Theory]
    [InlineData(KeyPath.Recipient)]
    [InlineData(KeyPath.PassphrasePipe)]
    [InlineData(KeyPath.PassphraseTempFile)]
    public async Task Encrypt_with_age_killed_mid_stream_is_AgeCrashed_and_writes_nothing(KeyPath path)
    {
        var destination = _scene.Work.File("out.age");
        var engine = KeyPaths.Engine(path, _scene.TempRoot, agePath: _scene.Age);
        var run = engine.EncryptFileAsync(_big.Plaintext, destination, KeyPaths.Encrypt(path, _big.Recipient, BigFiles.Passphrase));

        await KillAgeMidStreamAsync(run);

        var error = await Assert.ThrowsAsync<CageException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(CageErrorCode.AgeCrashed, error.Code);
        Aftermath.OnlyEntries(_scene.Work.Path, "private-temp");
        Assert.Equal(_big.PlaintextHash, Aftermath.Sha256(_big.Plaintext));
        await Aftermath.NoAgeLeftAsync();
    }

    [Theory]
    [InlineData(KeyPath.Recipient)]
    [InlineData(KeyPath.PassphrasePipe)]
    [InlineData(KeyPath.PassphraseTempFile)]
    public async Task Decrypt_with_age_killed_mid_stream_is_AgeCrashed_and_keeps_the_old_destination(KeyPath path)
    {
        var destination = _scene.Work.Write("out.bin", "old plaintext");
        var input = path == KeyPath.Recipient ? _big.RecipientCiphertext : _big.PassphraseCiphertext;
        var inputHash = Aftermath.Sha256(input);
        var engine = KeyPaths.Engine(path, _scene.TempRoot, agePath: _scene.Age);
        var run = engine.DecryptFileAsync(input, destination, KeyPaths.Decrypt(path, _big.IdentityFile, BigFiles.Passphrase));

        await KillAgeMidStreamAsync(run, plaintextTemp: true);

        var error = await Assert.ThrowsAsync<CageException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(CageErrorCode.AgeCrashed, error.Code);
        Aftermath.OnlyEntries(_scene.Work.Path, "out.bin", "private-temp");
        Assert.Equal("old plaintext", File.ReadAllText(destination));
        Assert.Equal(inputHash, Aftermath.Sha256(input));
        await Aftermath.NoAgeLeftAsync();
    }

    /// <summary>
    /// Stops age once it has written its first MiB (into our atomic temp file, or into the private folder with the
    /// tempfile strategy), checks what sits on disk meanwhile, then SIGKILLs it.
    /// </summary>
    private async Task KillAgeMidStreamAsync(Task run, bool plaintextTemp = false)
    {
        var stopped = await MidStream.StopAgeAsync(Environment.ProcessId,
            () => Aftermath.LargestFile(_scene.Work.Path, IsAgeOutput) > 1024 * 1024, () => run.IsCompleted);
        SecretModes.AssertPrivate(_scene.TempRoot); // staged data (tempfile strategy) is 0600 in a 0700 folder while age runs
        if (plaintextTemp)
            SecretModes.AssertOwnerOnlyFiles(_scene.Work.Path, Aftermath.IsCageTemp); // a plaintext temp file is 0600 from its creation
        foreach (var pid in stopped)
            Signals.Send(pid, Signals.SIGKILL);
    }

    private static bool IsAgeOutput(string name) => Aftermath.IsCageTemp(name) || name == "output";
}
