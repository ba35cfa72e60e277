using Cage.Adapter.Passphrases;
using Cage.Testing;
using static Cage.Adapter.Tests.Passphrases.PassphraseKit;

namespace Cage.Adapter.Tests.Passphrases;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RoundTripTests
{
    [Theory]
    [InlineData(StreamingStrategy.Pipe, 0)]
    [InlineData(StreamingStrategy.Pipe, 1)]
    [InlineData(StreamingStrategy.Pipe, 65536)]
    [InlineData(StreamingStrategy.Pipe, 65537)]
    [InlineData(StreamingStrategy.Pipe, 10 * 1024 * 1024)]
    [InlineData(StreamingStrategy.TempFile, 0)]
    [InlineData(StreamingStrategy.TempFile, 1)]
    [InlineData(StreamingStrategy.TempFile, 65536)]
    [InlineData(StreamingStrategy.TempFile, 65537)]
    [InlineData(StreamingStrategy.TempFile, 10 * 1024 * 1024)]
    public async Task Round_trip_is_byte_for_byte(StreamingStrategy strategy, int size)
    {
        using var temp = new TempDir();
        var engine = Engine(strategy, temp.Path);
        var plaintext = RandomData.Bytes(size);

        var ciphertext = await EncryptAsync(engine, plaintext, Secret);
        Assert.StartsWith("age-encryption.org/v1\n-> scrypt ", System.Text.Encoding.ASCII.GetString(ciphertext, 0, 40));
        Assert.Equal(plaintext, await DecryptAsync(engine, ciphertext, Secret));
        Assert.Empty(Entries(temp.Path));
    }

    [Theory]
    [InlineData(StreamingStrategy.Pipe)]
    [InlineData(StreamingStrategy.TempFile)]
    public async Task Armored_round_trip(StreamingStrategy strategy)
    {
        using var temp = new TempDir();
        var engine = Engine(strategy, temp.Path);
        var plaintext = RandomData.Bytes(3000);
        var ciphertext = await EncryptAsync(engine, plaintext, Secret, armor: true);
        Assert.StartsWith("-----BEGIN AGE ENCRYPTED FILE-----", System.Text.Encoding.ASCII.GetString(ciphertext));
        Assert.Equal(plaintext, await DecryptAsync(engine, ciphertext, Secret));
    }
}
