using System.Text;
using Cage.Adapter.Passphrases;
using Cage.Testing;
using static Cage.Adapter.Tests.Passphrases.PassphraseKit;

namespace Cage.Adapter.Tests.Passphrases;

/// <summary>Passphrases that shells, terminals or encodings could mangle reach age intact.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PassphraseTextTests
{
    public static TheoryData<string> AwkwardPassphrases => new()
    {
        "two words  and  double spaces ",
        "quotes ' \" ` and backslash \\ too",
        "$(touch /tmp/cage-pwned) ${HOME} `id` ; rm -rf x | cat",
        "ünïcödé ☃ 密码 🔑",
        "tab\there",
        new string('x', 500) + new string('é', 500), // 1000 characters, 1500 bytes
    };

    [Theory]
    [MemberData(nameof(AwkwardPassphrases))]
    public async Task Awkward_passphrase_round_trips_and_only_the_exact_passphrase_decrypts(string text)
    {
        var passphrase = Passphrase.FromString(text);
        var plaintext = RandomData.Bytes(1000);
        var ciphertext = await EncryptAsync(Engine(StreamingStrategy.Pipe), plaintext, passphrase);
        Assert.Equal(plaintext, await DecryptAsync(Engine(StreamingStrategy.TempFile), ciphertext, passphrase));

        // A prefix (what a shell or terminal cutting at a space, quote or tab would leave) must not decrypt it.
        var prefix = Passphrase.FromString(text[..(text.Length / 2)]);
        var error = await Assert.ThrowsAsync<CageException>(() => DecryptAsync(Engine(StreamingStrategy.Pipe), ciphertext, prefix));
        Assert.Equal(CageErrorCode.IncorrectPassphrase, error.Code);
        Assert.False(File.Exists("/tmp/cage-pwned"));
    }

    public static TheoryData<string> TypedPassphrases => new()
    {
        "ünïcödé ☃ 密码 🔑",
        "ctrl-u \u0015 ctrl-c \u0003 ctrl-d \u0004 ctrl-w \u0017 del \u007f end",
        "$(echo no) 'q' \"q\"",
        new string('L', 4095), // the longest line a canonical-mode terminal carries
    };

    [Theory]
    [MemberData(nameof(TypedPassphrases))]
    public async Task Terminal_receives_exactly_the_passphrase_bytes(string text)
    {
        // A fake age that prints the decrypt prompt, reads one line from its terminal and hands it back on stdout:
        // proves the bytes age would read are the UTF-8 of the passphrase (control characters passed literally).
        using var temp = new TempDir();
        var fake = FakeAge(temp, "FakeAgeEchoesPassphrase",
            "printf 'Enter passphrase: ' > /dev/tty\nIFS= read -r line < /dev/tty\nprintf '%s' \"$line\"");
        var seen = await DecryptAsync(Engine(StreamingStrategy.Pipe, agePath: fake), Array.Empty<byte>(), Passphrase.FromString(text));
        Assert.Equal(Encoding.UTF8.GetBytes(text), seen);
    }

    [Fact]
    public async Task Passphrase_longer_than_a_terminal_line_is_refused_before_spawning()
    {
        using var temp = new TempDir();
        var marker = temp.File("spawned");
        var fake = FakeAge(temp, "FakeAgeRecordsSpawn", $"touch '{marker}'");
        var error = await Assert.ThrowsAsync<CageException>(() =>
            EncryptAsync(Engine(StreamingStrategy.Pipe, agePath: fake), new byte[1], Passphrase.FromString(new string('p', 4096))));
        Assert.Equal(CageErrorCode.InvalidConfiguration, error.Code);
        Assert.False(File.Exists(marker));
    }
}
