using Cage.Adapter.Engines;
using Cage.Adapter.Passphrases;
using Cage.Testing;
using static Cage.Adapter.Tests.Managed.ManagedHarness;

namespace Cage.Adapter.Tests.Managed;

/// <summary>
/// Passphrase files move both ways between the managed engine and the real age, which reads passphrases from a
/// terminal: the adapter's AgeBinaryEngine drives it through a PTY. age encrypts at work factor 18, so these
/// run at 18 too; managed-to-managed tests elsewhere use low factors to stay fast.
/// </summary>
public sealed class ScryptInteropTests
{
    private static readonly Passphrase Secret = Passphrase.FromString("correct horse battery staple");

    [Theory]
    [InlineData(0, false)]
    [InlineData(65537, true)]
    public async Task Managed_encrypts_age_decrypts(int size, bool armor)
    {
        var plaintext = RandomData.Bytes(size);
        var encrypted = await EncryptAsync(Engine(workFactor: 18), plaintext, EncryptOptions.ForPassphrase(Secret, armor));

        var decrypted = await DecryptAsync(new AgeBinaryEngine(), encrypted, DecryptOptions.ForPassphrase(Secret));

        Assert.Equal(plaintext, decrypted);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(65536, true)]
    public async Task Age_encrypts_managed_decrypts(int size, bool armor)
    {
        var plaintext = RandomData.Bytes(size);
        var encrypted = await EncryptAsync(new AgeBinaryEngine(), plaintext, EncryptOptions.ForPassphrase(Secret, armor));

        var decrypted = await DecryptAsync(Engine(), encrypted, DecryptOptions.ForPassphrase(Secret));

        Assert.Equal(plaintext, decrypted);
    }

    [Fact]
    public async Task A_wrong_passphrase_is_refused()
    {
        var encrypted = await EncryptAsync(Engine(), RandomData.Bytes(100), EncryptOptions.ForPassphrase(Secret));

        var code = await DecryptErrorAsync(Engine(), encrypted, DecryptOptions.ForPassphrase(Passphrase.FromString("wrong")));

        Assert.Equal(CageErrorCode.IncorrectPassphrase, code);
    }

    [Fact]
    public async Task Raised_maximum_accepts_a_higher_factor()
    {
        var plaintext = RandomData.Bytes(10);
        var encrypted = await EncryptAsync(Engine(workFactor: 12), plaintext, EncryptOptions.ForPassphrase(Secret));

        Assert.Equal(CageErrorCode.WorkFactorTooHigh, await DecryptErrorAsync(Engine(maxWorkFactor: 11), encrypted, DecryptOptions.ForPassphrase(Secret)));
        Assert.Equal(plaintext, await DecryptAsync(Engine(maxWorkFactor: 12), encrypted, DecryptOptions.ForPassphrase(Secret)));
    }
}
