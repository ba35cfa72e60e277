using Cage.Adapter.Files;
using Cage.Adapter.Recipients;
using Cage.Adapter.Rotation;
using Cage.Adapter.Engines;
using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>
/// Cancellation from the API in the middle of 100 MiB file operations and of a rotation: the operation ends with
/// OperationCanceledException, files are as before, no temp file, private folder or age process remains.
/// </summary>
[Collection(BigFilesCollection.Name)]
public sealed class CancellationTests : IDisposable
{
    private readonly BigFiles _big;
    private readonly BigFileScene _scene = new("cage-rel-cancel-");

    public CancellationTests(BigFiles big) => _big = big;

    public void Dispose() => _scene.Dispose();

    [Theory]
    [InlineData(KeyPath.Recipient)]
    [InlineData(KeyPath.PassphrasePipe)]
    [InlineData(KeyPath.PassphraseTempFile)]
    public async Task Cancelling_a_file_decrypt_mid_stream_keeps_the_old_destination(KeyPath path)
    {
        var destination = _scene.Work.Write("out.bin", "old plaintext");
        var input = path == KeyPath.Recipient ? _big.RecipientCiphertext : _big.PassphraseCiphertext;
        using var cancel = new CancellationTokenSource();
        var run = KeyPaths.Engine(path, _scene.TempRoot, agePath: _scene.Age).DecryptFileAsync(input, destination, KeyPaths.Decrypt(path, _big.IdentityFile, BigFiles.Passphrase), cancel.Token);

        var stopped = await MidStream.StopAgeAsync(Environment.ProcessId,
            () => Aftermath.LargestFile(_scene.Work.Path, n => Aftermath.IsCageTemp(n) || n == "output") > 1024 * 1024, () => run.IsCompleted);
        cancel.Cancel();
        MidStream.Resume(stopped);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        Aftermath.OnlyEntries(_scene.Work.Path, "out.bin", "private-temp");
        Assert.Equal("old plaintext", File.ReadAllText(destination));
        await Aftermath.NoAgeLeftAsync();
    }

    [Fact]
    public async Task Cancelling_a_rotation_mid_stream_leaves_every_original_as_it_was()
    {
        var files = new[] { "a.age", "b.age", "c.age" }.Select(n =>
        {
            var path = _scene.Work.File(n);
            File.Copy(_big.RecipientCiphertext, path);
            return path;
        }).ToList();
        var hash = Aftermath.Sha256(files[0]);
        var (_, newRecipient) = AgeCli.Keygen();
        using var cancel = new CancellationTokenSource();
        var engine = KeyPaths.Engine(KeyPath.Recipient, agePath: _scene.Age);
        var run = new KeyRotator(engine).RotateAsync(new RotationRequest
        {
            Files = files,
            Old = _ => KeyPaths.Decrypt(KeyPath.Recipient, _big.IdentityFile, BigFiles.Passphrase),
            New = EncryptOptions.ForRecipients(RecipientSet.Empty.Add(newRecipient)),
        }, cancel.Token);

        var stopped = await MidStream.StopAgeAsync(Environment.ProcessId,
            () => Aftermath.LargestFile(_scene.Work.Path, Aftermath.IsCageTemp) > 1024 * 1024, () => run.IsCompleted);
        cancel.Cancel();
        MidStream.Resume(stopped);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        Aftermath.OnlyEntries(_scene.Work.Path, "a.age", "b.age", "c.age", "private-temp");
        Assert.All(files, f => Assert.Equal(hash, Aftermath.Sha256(f)));
        await Aftermath.NoAgeLeftAsync();
    }
}
