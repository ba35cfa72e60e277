using Cage.Adapter.Engines.Managed;
using Cage.Testing;
using static Cage.Adapter.Tests.Managed.ManagedHarness;

namespace Cage.Adapter.Tests.Managed;

/// <summary>X25519 files move both ways between the managed engine and the real age 1.1.1, byte for byte.</summary>
public sealed class X25519InteropTests : IDisposable
{
    private readonly TempDir _dir = new();

    public static TheoryData<int, bool> Sizes => new()
    {
        { 0, false }, { 1, false }, { 65535, false }, { 65536, false }, { 65537, false }, { 10 * 1024 * 1024, false },
        { 0, true }, { 65536, true }, { 200_001, true },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Managed_encrypts_age_decrypts(int size, bool armor)
    {
        var (identityFile, recipient) = TestKeys.NewAgeKey(_dir);
        var plaintext = RandomData.Bytes(size);
        var encrypted = await EncryptAsync(Engine(), plaintext, To(recipient) with { Armor = armor });
        var path = _dir.Write("in.age", encrypted);

        var result = AgeCli.Age("-d", "-i", identityFile, path).EnsureSuccess();

        Assert.Equal(plaintext, result.Stdout);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Age_encrypts_managed_decrypts(int size, bool armor)
    {
        var (identityFile, recipient) = TestKeys.NewAgeKey(_dir);
        var plaintext = RandomData.Bytes(size);
        var input = _dir.Write("in.bin", plaintext);
        var args = new List<string> { "-r", recipient, "-o", _dir.File("in.age"), input };
        if (armor)
            args.Insert(0, "-a");
        AgeCli.Age(args.ToArray()).EnsureSuccess();

        var decrypted = await DecryptAsync(Engine(), File.ReadAllBytes(_dir.File("in.age")), With(identityFile));

        Assert.Equal(plaintext, decrypted);
    }

    [Fact]
    public async Task Several_recipients_each_decrypt_with_age()
    {
        var keys = Enumerable.Range(0, 3).Select(i => TestKeys.NewAgeKey(_dir, $"key{i}.txt")).ToList();
        var plaintext = RandomData.Bytes(100_000);
        var path = _dir.Write("in.age", await EncryptAsync(Engine(), plaintext, To(keys.Select(k => k.Recipient).ToArray())));

        foreach (var (identityFile, _) in keys)
            Assert.Equal(plaintext, AgeCli.Age("-d", "-i", identityFile, path).EnsureSuccess().Stdout);
    }

    [Fact]
    public async Task Age_with_several_recipients_decrypts_with_any_one()
    {
        var keys = Enumerable.Range(0, 3).Select(i => TestKeys.NewAgeKey(_dir, $"key{i}.txt")).ToList();
        var plaintext = RandomData.Bytes(70_000);
        var input = _dir.Write("in.bin", plaintext);
        var args = keys.SelectMany(k => new[] { "-r", k.Recipient }).Concat(new[] { "-o", _dir.File("in.age"), input }).ToArray();
        AgeCli.Age(args).EnsureSuccess();
        var encrypted = File.ReadAllBytes(_dir.File("in.age"));

        foreach (var (identityFile, _) in keys)
            Assert.Equal(plaintext, await DecryptAsync(Engine(), encrypted, With(identityFile)));
    }

    [Fact]
    public async Task A_key_that_is_not_a_recipient_is_refused()
    {
        var (_, recipient) = TestKeys.NewAgeKey(_dir, "a.txt");
        var (otherIdentity, _) = TestKeys.NewAgeKey(_dir, "b.txt");
        var encrypted = await EncryptAsync(Engine(), RandomData.Bytes(10), To(recipient));

        Assert.Equal(CageErrorCode.NoIdentityMatched, await DecryptErrorAsync(Engine(), encrypted, With(otherIdentity)));
    }

    public void Dispose() => _dir.Dispose();
}
