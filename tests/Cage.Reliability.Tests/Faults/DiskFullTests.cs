using Cage.Adapter;
using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Identities;
using Cage.Adapter.Passphrases;
using Cage.Adapter.Recipients;
using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>
/// The disk fills up while the destination is written: OutputNotWritable, the old destination intact, and the
/// small tmpfs empty again afterwards (the temp file was removed, not left to hold the space).
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private static readonly Passphrase Secret = Passphrase.FromString("disk full passphrase");
    private readonly TempDir _work = new("cage-rel-full-");
    private readonly string _identityFile;
    private readonly string _recipient;
    private readonly string _plaintext;

    public DiskFullTests()
    {
        (_identityFile, _recipient) = TestKeys.NewAgeKey(_work, "key.txt");
        _plaintext = _work.Write("plain.bin", RandomData.Bytes(3 * 1024 * 1024));
    }

    public void Dispose() => _work.Dispose();

    [Theory]
    [InlineData(KeyPath.Recipient)]
    [InlineData(KeyPath.PassphrasePipe)]
    [InlineData(KeyPath.PassphraseTempFile)]
    public async Task Decrypting_onto_a_full_disk_is_OutputNotWritable_and_keeps_the_old_file(KeyPath path)
    {
        var ciphertext = _work.File("plain.bin.age");
        await KeyPaths.Engine(path).EncryptFileAsync(_plaintext, ciphertext, KeyPaths.Encrypt(path, _recipient, Secret));
        var cipherHash = Aftermath.Sha256(ciphertext);
        using var full = new SmallTmpfs(_work.File("full"), megabytes: 1);
        var destination = Path.Combine(full.Path, "plain.bin");
        File.WriteAllText(destination, "old plaintext");

        var error = await Assert.ThrowsAsync<CageException>(() =>
            KeyPaths.Engine(path, tempRoot: _work.Path).DecryptFileAsync(ciphertext, destination, KeyPaths.Decrypt(path, _identityFile, Secret)));

        Assert.Equal(CageErrorCode.OutputNotWritable, error.Code);
        Aftermath.OnlyEntries(full.Path, "plain.bin");
        Assert.Equal("old plaintext", File.ReadAllText(destination));
        Assert.Equal(cipherHash, Aftermath.Sha256(ciphertext));
        Assert.Empty(Directory.GetDirectories(_work.Path, PrivateTempFolder.Prefix + "*"));
        await Aftermath.NoAgeLeftAsync();
    }

    [Fact]
    public async Task Encrypting_onto_a_full_disk_is_OutputNotWritable()
    {
        using var full = new SmallTmpfs(_work.File("full"), megabytes: 1);

        var error = await Assert.ThrowsAsync<CageException>(() =>
            KeyPaths.Engine(KeyPath.Recipient).EncryptFileAsync(_plaintext, Path.Combine(full.Path, "plain.bin.age"), KeyPaths.Encrypt(KeyPath.Recipient, _recipient, Secret)));

        Assert.Equal(CageErrorCode.OutputNotWritable, error.Code);
        Aftermath.OnlyEntries(full.Path);
        await Aftermath.NoAgeLeftAsync();
    }

    [Fact]
    public async Task A_full_private_temp_folder_fails_the_tempfile_strategy_with_a_code_and_is_left_empty()
    {
        using var full = new SmallTmpfs(_work.File("full-temp"), megabytes: 1);

        var error = await Assert.ThrowsAsync<CageException>(() =>
            KeyPaths.Engine(KeyPath.PassphraseTempFile, tempRoot: full.Path).EncryptFileAsync(_plaintext, _work.File("out.age"), EncryptOptions.ForPassphrase(Secret)));

        Assert.Equal(CageErrorCode.OutputNotWritable, error.Code);
        Aftermath.OnlyEntries(full.Path);
        Assert.False(File.Exists(_work.File("out.age")));
        await Aftermath.NoAgeLeftAsync();
    }

    [Fact]
    public void Tool_unlock_on_a_full_disk_exits_1_with_CAGE016_and_keeps_the_encrypted_file()
    {
        using var tool = new ToolProcess();
        using var full = new SmallTmpfs(Path.Combine(tool.Work, "full"), megabytes: 4);
        var ciphertext = Path.Combine(full.Path, "plain.bin.age");
        AgeCli.Run(AgeCli.AgePath, new[] { "-r", _recipient, "-o", ciphertext }, RandomData.Bytes(2_500_000)).EnsureSuccess();
        var cipherHash = Aftermath.Sha256(ciphertext);
        tool.Environment["CAGE_IDENTITY_FILE"] = _identityFile;

        var run = tool.Run("unlock", "full/plain.bin.age");

        ToolAssert.Failed(run, 1, "CAGE016");
        Aftermath.OnlyEntries(full.Path, "plain.bin.age");
        Assert.Equal(cipherHash, Aftermath.Sha256(ciphertext));
    }

    [Fact]
    public async Task A_destination_stream_failing_with_ENOSPC_is_OutputNotWritable()
    {
        // The rootless equivalent of the tmpfs tests: a destination that fails like a full disk on the first write.
        var engine = KeyPaths.Engine(KeyPath.Recipient);
        await using var input = File.OpenRead(_plaintext);

        var error = await Assert.ThrowsAsync<CageException>(() =>
            engine.EncryptAsync(input, new DiskFullStream(), EncryptOptions.ForRecipients(RecipientSet.Empty.Add(_recipient))));

        Assert.Equal(CageErrorCode.OutputNotWritable, error.Code);
        await Aftermath.NoAgeLeftAsync();
    }

    /// <summary>A writable stream that fails every write the way a full disk does (ENOSPC).</summary>
    private sealed class DiskFullStream : Stream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device", 28);
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
