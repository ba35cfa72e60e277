using System.Text;
using Cage.Testing;
using static Cage.Adapter.Tests.Managed.ManagedHarness;

namespace Cage.Adapter.Tests.Managed;

/// <summary>Armor: tolerated exactly where age tolerates (CRLF, surrounding whitespace), strict elsewhere.</summary>
public sealed class ArmorTests
{
    private static readonly string Key = Fixtures.PathOf("x25519.key");
    private static string Armored => Encoding.ASCII.GetString(Fixtures.Read("x25519-pattern-armor.age"));

    private static Task<byte[]> OpenAsync(string text) => DecryptAsync(Engine(), Encoding.ASCII.GetBytes(text), With(Key));

    private static Task<CageErrorCode> FailAsync(string text) => DecryptErrorAsync(Engine(), Encoding.ASCII.GetBytes(text), With(Key));

    [Fact]
    public async Task Crlf_and_surrounding_whitespace_are_tolerated()
    {
        Assert.Equal(Fixtures.Pattern65537(), await OpenAsync(Armored.Replace("\n", "\r\n")));
        Assert.Equal(Fixtures.Pattern65537(), await OpenAsync("\n  \t\n" + Armored + "\n\n  "));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("-----BEGIN AGE ENCRYPTED FILE-----")]
    public async Task Data_after_the_footer_is_rejected(string trailing) =>
        Assert.Equal(CageErrorCode.PayloadCorrupted, await FailAsync(Armored + trailing + "\n"));

    [Fact]
    public async Task Header_lines_inside_the_armor_are_rejected() =>
        Assert.NotEqual(CageErrorCode.NoIdentityMatched, await FailAsync(Armored.Replace("-----BEGIN AGE ENCRYPTED FILE-----\n", "-----BEGIN AGE ENCRYPTED FILE-----\nVersion: 1\n")));

    [Fact]
    public async Task Lines_must_be_64_columns()
    {
        var lines = Armored.Split('\n');
        var joined = string.Join("\n", new[] { lines[0], lines[1] + lines[2] }.Concat(lines[3..]));
        Assert.Equal(CageErrorCode.PayloadCorrupted, await FailAsync(joined));
        var shortened = string.Join("\n", new[] { lines[0], lines[1][..60], lines[1][60..] }.Concat(lines[2..]));
        Assert.Equal(CageErrorCode.PayloadCorrupted, await FailAsync(shortened));
    }

    [Fact]
    public async Task Non_canonical_base64_is_rejected()
    {
        var lines = Armored.Split('\n');
        var last = lines[^3]; // the short last data line, before the footer and the empty string after its newline
        Assert.True(last.Length < 64 && last.EndsWith('='), last);
        var withoutPadding = last.TrimEnd('=');
        Assert.Equal(CageErrorCode.PayloadCorrupted, await FailAsync(Armored.Replace("\n" + last + "\n", "\n" + withoutPadding + "\n")));
    }

    [Fact]
    public async Task Spare_bits_in_the_last_line_are_rejected()
    {
        var lines = Armored.Split('\n');
        var last = lines[^3];
        var padding = last.Length - last.TrimEnd('=').Length;
        Assert.InRange(padding, 1, 2);
        // Before padding, the last character carries 2 (one '=') or 4 (two '=') spare bits that must be zero.
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var at = last.Length - padding - 1;
        var tweaked = last[..at] + alphabet[alphabet.IndexOf(last[at]) | 1] + last[(at + 1)..];
        Assert.Equal(CageErrorCode.PayloadCorrupted, await FailAsync(Armored.Replace("\n" + last + "\n", "\n" + tweaked + "\n")));
    }

    [Fact]
    public async Task Missing_footer_is_truncation() =>
        Assert.Equal(CageErrorCode.Truncated, await FailAsync(Armored[..Armored.IndexOf("-----END", StringComparison.Ordinal)]));

    [Fact]
    public async Task Managed_armor_is_byte_identical_in_shape_to_ages()
    {
        var (_, recipient) = (Key, File.ReadAllLines(Key).First(l => l.StartsWith("# public key: "))["# public key: ".Length..]);
        var text = Encoding.ASCII.GetString(await EncryptAsync(Engine(), Fixtures.Pattern65537(), To(recipient) with { Armor = true }));
        var lines = text.Split('\n');
        Assert.Equal("-----BEGIN AGE ENCRYPTED FILE-----", lines[0]);
        Assert.Equal("-----END AGE ENCRYPTED FILE-----", lines[^2]);
        Assert.Equal("", lines[^1]);
        Assert.All(lines[1..^3], l => Assert.Equal(64, l.Length));
        Assert.InRange(lines[^3].Length, 1, 64);
        Assert.Equal(Fixtures.Pattern65537(), await OpenAsync(text));
    }
}
