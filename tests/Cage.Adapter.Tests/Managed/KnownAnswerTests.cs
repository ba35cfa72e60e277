using static Cage.Adapter.Tests.Managed.ManagedHarness;

namespace Cage.Adapter.Tests.Managed;

/// <summary>Files written by age 1.1.1 and committed decrypt to the known plaintexts.</summary>
public sealed class KnownAnswerTests
{
    [Theory]
    [InlineData("x25519-empty.age", "x25519.key", "")]
    [InlineData("x25519-hello.age", "x25519.key", "hello.txt")]
    [InlineData("x25519-pattern.age", "x25519.key", "pattern")]
    [InlineData("x25519-pattern-armor.age", "x25519.key", "pattern")]
    [InlineData("x25519-two-recipients.age", "x25519.key", "hello.txt")]
    [InlineData("x25519-two-recipients.age", "x25519-other.key", "hello.txt")]
    [InlineData("ssh-ed25519-hello.age", "ssh-ed25519.key", "hello.txt")]
    [InlineData("ssh-rsa-pattern.age", "ssh-rsa.key", "pattern")]
    public async Task Age_fixture_decrypts_to_known_plaintext(string file, string key, string plaintext)
    {
        var expected = plaintext switch
        {
            "" => Array.Empty<byte>(),
            "pattern" => Fixtures.Pattern65537(),
            _ => Fixtures.Read(plaintext),
        };
        foreach (var parallelism in new[] { 1, 2 })
            Assert.Equal(expected, await DecryptAsync(Engine(parallelism), Fixtures.Read(file), With(Fixtures.PathOf(key))));
    }

    [Fact]
    public async Task Fixture_for_another_key_is_not_a_match()
    {
        var code = await DecryptErrorAsync(Engine(), Fixtures.Read("x25519-hello.age"), With(Fixtures.PathOf("x25519-other.key")));
        Assert.Equal(CageErrorCode.NoIdentityMatched, code);
    }
}
