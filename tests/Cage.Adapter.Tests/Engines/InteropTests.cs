using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Identities;
using Cage.Adapter.Recipients;
using Cage.Testing;

namespace Cage.Adapter.Tests.Engines;

/// <summary>What the adapter writes, plain age reads; and the reverse.</summary>
public sealed class InteropTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly AgeBinaryEngine _engine = new();

    [Theory]
    [InlineData(0, false)]
    [InlineData(65537, false)]
    [InlineData(300_000, true)]
    public async Task Adapter_encrypts_plain_age_decrypts(int size, bool armor)
    {
        var (identityFile, recipient) = TestKeys.NewAgeKey(_dir);
        var plaintext = RandomData.Bytes(size);
        var input = _dir.Write("in.bin", plaintext);
        await _engine.EncryptFileAsync(input, _dir.File("in.age"), EncryptOptions.ForRecipients(RecipientSet.Empty.Add(recipient), armor));

        var result = AgeCli.Age("-d", "-i", identityFile, _dir.File("in.age")).EnsureSuccess();
        Assert.Equal(plaintext, result.Stdout);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(65537, false)]
    [InlineData(300_000, true)]
    public async Task Plain_age_encrypts_adapter_decrypts(int size, bool armor)
    {
        var (identityFile, recipient) = TestKeys.NewAgeKey(_dir);
        var plaintext = RandomData.Bytes(size);
        var input = _dir.Write("in.bin", plaintext);
        var args = armor ? new[] { "-a", "-r", recipient, "-o", _dir.File("in.age"), input } : new[] { "-r", recipient, "-o", _dir.File("in.age"), input };
        AgeCli.Age(args).EnsureSuccess();

        await _engine.DecryptFileAsync(_dir.File("in.age"), _dir.File("out.bin"), DecryptOptions.ForIdentities(IdentitySource.FromFile(identityFile)));
        Assert.Equal(plaintext, File.ReadAllBytes(_dir.File("out.bin")));
    }

    public void Dispose() => _dir.Dispose();
}
