using Cage.Adapter.Files;
using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>Decrypted files are 0600 on every path that writes them, even over an existing wider file.</summary>
public sealed class PlaintextModeTests : IDisposable
{
    private readonly TempDir _work = new("cage-rel-mode-");

    public void Dispose() => _work.Dispose();

    [Theory]
    [InlineData(KeyPath.Recipient)]
    [InlineData(KeyPath.PassphrasePipe)]
    [InlineData(KeyPath.PassphraseTempFile)]
    public async Task Adapter_file_decrypt_writes_0600_over_a_0644_file(KeyPath path)
    {
        var (identity, recipient) = TestKeys.NewAgeKey(_work);
        var passphrase = Cage.Adapter.Passphrases.Passphrase.FromString("mode test passphrase");
        var plain = _work.Write("plain.txt", "secret");
        await KeyPaths.Engine(path).EncryptFileAsync(plain, plain + ".age", KeyPaths.Encrypt(path, recipient, passphrase));
        var destination = _work.Write("out.txt", "old");
        File.SetUnixFileMode(destination, SecretModes.OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await KeyPaths.Engine(path).DecryptFileAsync(plain + ".age", destination, KeyPaths.Decrypt(path, identity, passphrase));

        Assert.Equal("secret", File.ReadAllText(destination));
        Assert.Equal(SecretModes.OwnerFile, File.GetUnixFileMode(destination));
    }

    [Fact]
    public void Tool_unlock_decrypt_and_forced_unlock_write_0600()
    {
        using var scene = new ToolScene();
        var tool = scene.Tool;
        tool.Write("a.txt", "A");
        ToolAssert.Ok(tool.Run("lock", "a.txt"));
        File.SetUnixFileMode(tool.PathIn("a.txt"), SecretModes.OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        ToolAssert.Ok(tool.Run("unlock", "a.txt.age", "--force"));
        ToolAssert.Ok(tool.Run("decrypt", "-o", "b.txt", "a.txt.age"));

        Assert.Equal(SecretModes.OwnerFile, File.GetUnixFileMode(tool.PathIn("a.txt")));
        Assert.Equal(SecretModes.OwnerFile, File.GetUnixFileMode(tool.PathIn("b.txt")));
        Assert.Equal("A", File.ReadAllText(tool.PathIn("b.txt")));
    }
}
