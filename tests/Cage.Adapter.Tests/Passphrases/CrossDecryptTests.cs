using Cage.Adapter.Passphrases;
using Cage.Adapter.Tests.Pty;
using Cage.Testing;
using static Cage.Adapter.Tests.Passphrases.PassphraseKit;

namespace Cage.Adapter.Tests.Passphrases;

/// <summary>What one strategy writes, the other strategy and plain age (typed at by hand on a PTY) read, and back.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CrossDecryptTests
{
    private const string Typed = "typed by hand: ünïcode & spaces";

    [Theory]
    [InlineData(StreamingStrategy.Pipe, StreamingStrategy.TempFile)]
    [InlineData(StreamingStrategy.TempFile, StreamingStrategy.Pipe)]
    public async Task One_strategy_decrypts_what_the_other_encrypted(StreamingStrategy encryptWith, StreamingStrategy decryptWith)
    {
        var plaintext = RandomData.Bytes(70_000);
        var ciphertext = await EncryptAsync(Engine(encryptWith), plaintext, Secret);
        Assert.Equal(plaintext, await DecryptAsync(Engine(decryptWith), ciphertext, Secret));
    }

    [Fact]
    public async Task Plain_age_decrypts_what_the_pipe_strategy_encrypted()
    {
        using var temp = new TempDir();
        var plaintext = RandomData.Bytes(100_001);
        var encrypted = temp.Write("secret.age", await EncryptAsync(Engine(StreamingStrategy.Pipe), plaintext, Passphrase.FromString(Typed)));

        using var age = new PtyHarness(AgeCli.AgePath, new[] { "-d", "-o", temp.File("plain"), encrypted });
        age.ReadTerminalUntil("Enter passphrase: ");
        age.Type(Typed + "\n");
        var status = await age.ExitAsync();

        Assert.True(status.Succeeded, $"age: {status} {await age.StderrText}");
        Assert.Equal(plaintext, File.ReadAllBytes(temp.File("plain")));
    }

    [Fact]
    public async Task Pipe_and_tempfile_strategies_decrypt_what_plain_age_encrypted()
    {
        using var temp = new TempDir();
        var plaintext = RandomData.Bytes(65537);
        var input = temp.Write("plain", plaintext);

        using (var age = new PtyHarness(AgeCli.AgePath, new[] { "-p", "-o", temp.File("secret.age"), input }))
        {
            age.ReadTerminalUntil("Enter passphrase (leave empty to autogenerate a secure one): ");
            age.Type(Typed + "\n");
            age.ReadTerminalUntil("Confirm passphrase: ");
            age.Type(Typed + "\n");
            var status = await age.ExitAsync();
            Assert.True(status.Succeeded, $"age: {status} {await age.StderrText}");
        }

        var ciphertext = File.ReadAllBytes(temp.File("secret.age"));
        Assert.Equal(plaintext, await DecryptAsync(Engine(StreamingStrategy.Pipe), ciphertext, Passphrase.FromString(Typed)));
        Assert.Equal(plaintext, await DecryptAsync(Engine(StreamingStrategy.TempFile), ciphertext, Passphrase.FromString(Typed)));
    }
}
