using System.Text;
using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Passphrases;
using Cage.Testing;

namespace Cage.Adapter.Tests.Passphrases;

/// <summary>
/// Passphrase work between files: age gets the input file as its stdin (never a staged copy), writes the output
/// file itself (pipe) or a private temp file delivered by a kernel copy (tempfile). Results are byte-exact either way.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FileToFileTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly TempDir _tempRoot = new("cage-root-");

    [Theory]
    [InlineData(StreamingStrategy.Pipe, 0)]
    [InlineData(StreamingStrategy.Pipe, 3 * 1024 * 1024 + 5)]
    [InlineData(StreamingStrategy.TempFile, 0)]
    [InlineData(StreamingStrategy.TempFile, 3 * 1024 * 1024 + 5)]
    public async Task Files_round_trip_byte_for_byte_and_cross_decrypt_with_raw_age(StreamingStrategy strategy, int size)
    {
        var engine = PassphraseKit.Engine(strategy, _tempRoot.Path);
        var plaintext = RandomData.Bytes(size);
        var input = _dir.Write("secret.bin", plaintext);

        await engine.EncryptFileAsync(input, _dir.File("secret.bin.age"), EncryptOptions.ForPassphrase(PassphraseKit.Secret));
        await engine.DecryptFileAsync(_dir.File("secret.bin.age"), _dir.File("out.bin"), DecryptOptions.ForPassphrase(PassphraseKit.Secret));

        Assert.Equal(plaintext, File.ReadAllBytes(_dir.File("out.bin")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir.File("out.bin")));
        var pumped = await PassphraseKit.DecryptAsync(PassphraseKit.Engine(StreamingStrategy.Pipe), File.ReadAllBytes(_dir.File("secret.bin.age")), PassphraseKit.Secret);
        Assert.Equal(plaintext, pumped);
        Assert.Equal(new[] { "out.bin", "secret.bin", "secret.bin.age" }, _dir.Files());
        Assert.Empty(PassphraseKit.Entries(_tempRoot.Path));
    }

    [Theory]
    [InlineData(StreamingStrategy.Pipe)]
    [InlineData(StreamingStrategy.TempFile)]
    public async Task A_file_input_is_never_staged_and_never_named_to_age(StreamingStrategy strategy)
    {
        using var bin = new TempDir();
        var log = bin.File("argv.log");
        var engine = PassphraseKit.Engine(strategy, _tempRoot.Path, agePath: FakeAge.Recording(bin.Path, log));
        var input = _dir.Write("secret.bin", RandomData.Bytes(100_000));

        await engine.EncryptFileAsync(input, _dir.File("secret.bin.age"), EncryptOptions.ForPassphrase(PassphraseKit.Secret));

        var argv = File.ReadAllText(log).Split('\n').First(l => l.StartsWith("argv:", StringComparison.Ordinal))["argv:".Length..].Split('\0', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(argv, a => a.EndsWith("input", StringComparison.Ordinal) || a.EndsWith("secret.bin", StringComparison.Ordinal));
        Assert.Equal(strategy == StreamingStrategy.TempFile, argv.Contains("--output"));
    }

    [Fact]
    public async Task TempFile_output_renamed_into_place_gets_the_same_mode_as_the_pipe_strategys()
    {
        var plaintext = RandomData.Bytes(50_000);
        var input = _dir.Write("secret.bin", plaintext);
        await PassphraseKit.Engine(StreamingStrategy.Pipe).EncryptFileAsync(input, _dir.File("pipe.age"), EncryptOptions.ForPassphrase(PassphraseKit.Secret));
        await PassphraseKit.Engine(StreamingStrategy.TempFile, _tempRoot.Path).EncryptFileAsync(input, _dir.File("tempfile.age"), EncryptOptions.ForPassphrase(PassphraseKit.Secret));

        Assert.Equal(File.GetUnixFileMode(_dir.File("pipe.age")), File.GetUnixFileMode(_dir.File("tempfile.age")));
        Assert.Empty(PassphraseKit.Entries(_tempRoot.Path));
    }

    [Fact]
    public async Task TempFile_with_its_private_folder_on_another_file_system_delivers_by_copy()
    {
        Assert.True(Directory.Exists("/dev/shm"), "this test needs /dev/shm (a tmpfs) as a second file system");
        using var otherFileSystem = new TempDir("cage-root-", root: "/dev/shm");
        var engine = PassphraseKit.Engine(StreamingStrategy.TempFile, otherFileSystem.Path);
        var plaintext = RandomData.Bytes(2 * 1024 * 1024 + 3);
        var input = _dir.Write("secret.bin", plaintext);

        await engine.EncryptFileAsync(input, _dir.File("secret.bin.age"), EncryptOptions.ForPassphrase(PassphraseKit.Secret));
        await engine.DecryptFileAsync(_dir.File("secret.bin.age"), _dir.File("out.bin"), DecryptOptions.ForPassphrase(PassphraseKit.Secret));

        Assert.Equal(plaintext, File.ReadAllBytes(_dir.File("out.bin")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir.File("out.bin")));
        Assert.Empty(PassphraseKit.Entries(otherFileSystem.Path));
    }

    [Fact]
    public async Task TempFile_delivery_lands_after_what_the_output_already_holds()
    {
        var engine = PassphraseKit.Engine(StreamingStrategy.TempFile, _tempRoot.Path);
        var plaintext = RandomData.Bytes(200_000);
        var ciphertext = await PassphraseKit.EncryptAsync(engine, plaintext, PassphraseKit.Secret);
        _dir.Write("secret.age", ciphertext);
        var prefix = Encoding.ASCII.GetBytes("kept\n");

        await using (var input = AgeFileOperations.OpenInput(_dir.File("secret.age")))
        await using (var output = new FileStream(_dir.File("out.bin"), FileMode.CreateNew, FileAccess.Write))
        {
            output.Write(prefix);
            await engine.DecryptAsync(input, output, DecryptOptions.ForPassphrase(PassphraseKit.Secret));
            Assert.Equal(prefix.Length + plaintext.Length, output.Position);
        }

        Assert.Equal(prefix.Concat(plaintext).ToArray(), File.ReadAllBytes(_dir.File("out.bin")));
        Assert.Empty(PassphraseKit.Entries(_tempRoot.Path));
    }

    public void Dispose()
    {
        _dir.Dispose();
        _tempRoot.Dispose();
    }
}
