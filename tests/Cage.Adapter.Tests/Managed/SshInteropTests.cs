using Cage.Testing;
using static Cage.Adapter.Tests.Managed.ManagedHarness;

namespace Cage.Adapter.Tests.Managed;

/// <summary>ssh-ed25519 and ssh-rsa files (keys from ssh-keygen) move both ways between the managed engine and age.</summary>
public sealed class SshInteropTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Theory]
    [InlineData("ed25519", 0)]
    [InlineData("ed25519", 65537)]
    [InlineData("rsa", 1)]
    [InlineData("rsa", 65536)]
    public async Task Managed_encrypts_age_decrypts(string type, int size)
    {
        var (privateKey, publicKey) = TestKeys.NewSshKey(_dir, type, "id");
        var plaintext = RandomData.Bytes(size);
        var path = _dir.Write("in.age", await EncryptAsync(Engine(), plaintext, To(publicKey)));

        Assert.Equal(plaintext, AgeCli.Age("-d", "-i", privateKey, path).EnsureSuccess().Stdout);
    }

    [Theory]
    [InlineData("ed25519", 1, false)]
    [InlineData("ed25519", 65536, true)]
    [InlineData("rsa", 0, false)]
    [InlineData("rsa", 65537, true)]
    public async Task Age_encrypts_managed_decrypts(string type, int size, bool armor)
    {
        var (privateKey, publicKey) = TestKeys.NewSshKey(_dir, type, "id");
        var plaintext = RandomData.Bytes(size);
        var input = _dir.Write("in.bin", plaintext);
        var args = new List<string> { "-r", publicKey, "-o", _dir.File("in.age"), input };
        if (armor)
            args.Insert(0, "-a");
        AgeCli.Age(args.ToArray()).EnsureSuccess();

        Assert.Equal(plaintext, await DecryptAsync(Engine(), File.ReadAllBytes(_dir.File("in.age")), With(privateKey)));
    }

    [Fact]
    public async Task Mixed_recipients_each_decrypt()
    {
        var (ageIdentity, ageRecipient) = TestKeys.NewAgeKey(_dir);
        var (edKey, edPublic) = TestKeys.NewSshKey(_dir, "ed25519", "ed");
        var (rsaKey, rsaPublic) = TestKeys.NewSshKey(_dir, "rsa", "rsa");
        var plaintext = RandomData.Bytes(1000);
        var encrypted = await EncryptAsync(Engine(), plaintext, To(ageRecipient, edPublic, rsaPublic));
        var path = _dir.Write("in.age", encrypted);

        foreach (var identity in new[] { ageIdentity, edKey, rsaKey })
        {
            Assert.Equal(plaintext, AgeCli.Age("-d", "-i", identity, path).EnsureSuccess().Stdout);
            Assert.Equal(plaintext, await DecryptAsync(Engine(), encrypted, With(identity)));
        }
    }

    [Fact]
    public async Task Another_ssh_key_is_not_a_match()
    {
        var (_, publicKey) = TestKeys.NewSshKey(_dir, "ed25519", "a");
        var (otherKey, _) = TestKeys.NewSshKey(_dir, "ed25519", "b");
        var encrypted = await EncryptAsync(Engine(), RandomData.Bytes(10), To(publicKey));

        Assert.Equal(CageErrorCode.NoIdentityMatched, await DecryptErrorAsync(Engine(), encrypted, With(otherKey)));
    }

    [Theory]
    [InlineData("PEM")]
    [InlineData("PKCS8")]
    public async Task Pem_rsa_keys_work_like_in_age(string format)
    {
        var path = _dir.File("id_pem");
        var keygen = Adapter.Binary.AgeLocator.SearchPath("ssh-keygen", Environment.GetEnvironmentVariable("PATH"))!;
        AgeCli.Run(keygen, new[] { "-q", "-t", "rsa", "-b", "2048", "-m", format, "-N", "", "-f", path }).EnsureSuccess();
        var publicKey = File.ReadAllText(path + ".pub").Trim();
        var plaintext = RandomData.Bytes(3000);
        var input = _dir.Write("in.bin", plaintext);
        AgeCli.Age("-r", publicKey, "-o", _dir.File("in.age"), input).EnsureSuccess();

        Assert.Equal(plaintext, await DecryptAsync(Engine(), File.ReadAllBytes(_dir.File("in.age")), With(path)));
        if (format == "PEM")
        {
            var mine = _dir.Write("mine.age", await EncryptAsync(Engine(), plaintext, To(publicKey)));
            Assert.Equal(plaintext, AgeCli.Age("-d", "-i", path, mine).EnsureSuccess().Stdout);
        }
    }

    public void Dispose() => _dir.Dispose();
}
