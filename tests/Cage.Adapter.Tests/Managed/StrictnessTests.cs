using System.Security.Cryptography;
using System.Text;
using Cage.Adapter.Engines;
using Cage.Adapter.Engines.Managed;
using Cage.Adapter.Passphrases;
using Cage.Testing;
using static Cage.Adapter.Tests.Managed.ManagedHarness;

namespace Cage.Adapter.Tests.Managed;

/// <summary>Every strict rule of the spec, one failure each, asserted by error code.</summary>
public sealed class StrictnessTests
{
    private static readonly string Key = Fixtures.PathOf("x25519.key");
    private static readonly string Recipient = File.ReadAllLines(Key).First(l => l.StartsWith("# public key: "))["# public key: ".Length..];
    private static readonly Passphrase Secret = Passphrase.FromString("hunter2");

    private static Task<CageErrorCode> FailureAsync(byte[] file) => DecryptErrorAsync(Engine(), file, With(Key));

    private static byte[] Hello => Fixtures.Read("x25519-hello.age");
    private static byte[] Pattern => Fixtures.Read("x25519-pattern.age");

    private static byte[] FlipBit(byte[] data, int index)
    {
        var copy = (byte[])data.Clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private static string HeaderText(byte[] file) => Encoding.ASCII.GetString(file, 0, Crafted.HeaderLength(file));

    [Fact]
    public async Task Flipped_mac_bit_is_a_corrupted_header()
    {
        var macAt = HeaderText(Hello).IndexOf("--- ", StringComparison.Ordinal) + 4;
        var file = Crafted.ReplaceText(Hello, HeaderText(Hello)[macAt..(macAt + 1)] + HeaderText(Hello)[(macAt + 1)..], SwapFirst(HeaderText(Hello)[macAt..]));
        Assert.Equal(CageErrorCode.HeaderCorrupted, await FailureAsync(file));
    }

    [Fact]
    public async Task Flipped_bit_in_own_stanza_body_does_not_open()
    {
        var bodyLine = HeaderText(Hello).Split('\n')[2];
        Assert.Equal(CageErrorCode.NoIdentityMatched, await FailureAsync(Crafted.ReplaceText(Hello, bodyLine, SwapFirst(bodyLine))));
    }

    [Fact]
    public async Task Flipped_bit_in_another_recipients_stanza_breaks_the_mac()
    {
        var file = Fixtures.Read("x25519-two-recipients.age");
        var otherBody = HeaderText(file).Split('\n')[2]; // the other key's stanza comes first
        Assert.Equal(CageErrorCode.HeaderCorrupted, await FailureAsync(Crafted.ReplaceText(file, otherBody, SwapFirst(otherBody))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(65551)]
    public async Task Flipped_chunk_bit_is_a_corrupted_payload(int offsetInPayload)
    {
        var at = Crafted.HeaderLength(Pattern) + 16 + offsetInPayload;
        Assert.Equal(CageErrorCode.PayloadCorrupted, await FailureAsync(FlipBit(Pattern, at)));
    }

    [Fact]
    public async Task Flipped_payload_nonce_bit_is_a_corrupted_payload() =>
        Assert.Equal(CageErrorCode.PayloadCorrupted, await FailureAsync(FlipBit(Hello, Crafted.HeaderLength(Hello) + 3)));

    [Fact]
    public async Task Non_canonical_base64_in_a_share_is_rejected()
    {
        var fileKey = RandomNumberGenerator.GetBytes(16);
        var stanza = Crafted.X25519Stanza(Recipient, fileKey);
        var file = await Crafted.FileAsync(fileKey, [stanza], RandomData.Bytes(10));
        Assert.Equal(RandomData.Bytes(10), await DecryptAsync(Engine(), Crafted.ReplaceTextKeepingMac(file, fileKey, "\n--- ", "\n--- "), With(Key)));
        var share = stanza.Arguments[0];
        Assert.Equal(43, share.Length);
        // 43 characters carry 258 bits: the last character's two spare bits must be zero. The MAC is made valid
        // again, so only the canonical-encoding rule can refuse these.
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var spareBitSet = alphabet[alphabet.IndexOf(share[^1]) | 1];
        Assert.Equal(CageErrorCode.HeaderCorrupted, await FailureAsync(Crafted.ReplaceTextKeepingMac(file, fileKey, share, share[..^1] + spareBitSet)));
        Assert.Equal(CageErrorCode.HeaderCorrupted, await FailureAsync(Crafted.ReplaceTextKeepingMac(file, fileKey, share, share + "=")));
    }

    [Fact]
    public async Task Padded_or_non_canonical_mac_is_rejected()
    {
        var mac = HeaderText(Hello).Split('\n')[^2][4..];
        Assert.Equal(CageErrorCode.HeaderCorrupted, await FailureAsync(Crafted.ReplaceText(Hello, "--- " + mac, "--- " + mac + "=")));
    }

    [Fact]
    public async Task Work_factor_23_is_refused_before_any_work()
    {
        var fileKey = RandomNumberGenerator.GetBytes(16);
        var stanza = new Stanza("scrypt", [CanonicalBase64.Encode(new byte[16]), "23"], new byte[32]);
        var file = await Crafted.FileAsync(fileKey, [stanza], Array.Empty<byte>());
        Assert.Equal(CageErrorCode.WorkFactorTooHigh, await DecryptErrorAsync(Engine(), file, DecryptOptions.ForPassphrase(Secret)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("018")]
    [InlineData("-1")]
    [InlineData("ten")]
    public async Task Malformed_work_factor_is_a_corrupted_header(string workFactor)
    {
        var stanza = new Stanza("scrypt", [CanonicalBase64.Encode(new byte[16]), workFactor], new byte[32]);
        var file = await Crafted.FileAsync(RandomNumberGenerator.GetBytes(16), [stanza], Array.Empty<byte>());
        Assert.Equal(CageErrorCode.HeaderCorrupted, await DecryptErrorAsync(Engine(), file, DecryptOptions.ForPassphrase(Secret)));
    }

    [Fact]
    public async Task Scrypt_beside_another_stanza_is_refused()
    {
        var fileKey = RandomNumberGenerator.GetBytes(16);
        var scrypt = new ScryptRecipient(Encoding.UTF8.GetBytes("hunter2"), 10).Wrap(fileKey);
        var file = await Crafted.FileAsync(fileKey, [scrypt, Crafted.X25519Stanza(Recipient, fileKey)], RandomData.Bytes(10));
        Assert.Equal(CageErrorCode.HeaderCorrupted, await DecryptErrorAsync(Engine(), file, DecryptOptions.ForPassphrase(Secret)));
        Assert.Equal(CageErrorCode.HeaderCorrupted, await FailureAsync(file));
    }

    [Fact]
    public async Task Truncation_at_a_chunk_boundary_is_detected()
    {
        var cut = Pattern[..(Crafted.HeaderLength(Pattern) + 16 + 65552)];
        Assert.Equal(CageErrorCode.Truncated, await FailureAsync(cut));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    public async Task Truncation_inside_the_last_chunk_is_detected(int cutBytes) =>
        Assert.NotEqual(CageErrorCode.NoIdentityMatched, await FailureAsync(Pattern[..^cutBytes]));

    [Fact]
    public async Task Missing_payload_is_truncation()
    {
        Assert.Equal(CageErrorCode.Truncated, await FailureAsync(Hello[..(Crafted.HeaderLength(Hello) + 16)]));
        Assert.Equal(CageErrorCode.Truncated, await FailureAsync(Hello[..(Crafted.HeaderLength(Hello) + 5)]));
        Assert.Equal(CageErrorCode.Truncated, await FailureAsync(Hello[..(Crafted.HeaderLength(Hello) - 10)]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(65552)]
    public async Task Trailing_data_is_rejected(int extra)
    {
        Assert.Equal(CageErrorCode.PayloadCorrupted, await FailureAsync([.. Hello, .. RandomData.Bytes(extra)]));
        Assert.Equal(CageErrorCode.PayloadCorrupted, await FailureAsync([.. Fixtures.Read("x25519-empty.age"), .. RandomData.Bytes(extra)]));
    }

    [Fact]
    public async Task Trailing_copy_of_a_final_chunk_is_rejected()
    {
        var lastChunk = Pattern[^17..];
        Assert.Equal(CageErrorCode.PayloadCorrupted, await FailureAsync([.. Pattern, .. lastChunk]));
    }

    [Fact]
    public async Task Empty_last_chunk_after_a_full_one_is_rejected()
    {
        var fileKey = RandomNumberGenerator.GetBytes(16);
        var stanzas = new[] { Crafted.X25519Stanza(Recipient, fileKey) };
        var file = Crafted.FileWithChunks(fileKey, stanzas, (RandomData.Bytes(65536), false), (Array.Empty<byte>(), true));
        Assert.Equal(CageErrorCode.PayloadCorrupted, await FailureAsync(file));
        var proper = Crafted.FileWithChunks(fileKey, stanzas, (RandomData.Bytes(65536), true));
        Assert.Equal(RandomData.Bytes(65536), await DecryptAsync(Engine(), proper, With(Key)));
    }

    [Fact]
    public async Task Unknown_well_formed_stanzas_are_ignored_by_us_and_by_age()
    {
        var fileKey = RandomNumberGenerator.GetBytes(16);
        var unknown = new Stanza("example.com/unknown", ["arg1", "a-r-g"], RandomData.Bytes(100));
        var plaintext = RandomData.Bytes(5000);
        var file = await Crafted.FileAsync(fileKey, [unknown, Crafted.X25519Stanza(Recipient, fileKey)], plaintext);

        Assert.Equal(plaintext, await DecryptAsync(Engine(), file, With(Key)));
        using var dir = new TempDir();
        Assert.Equal(plaintext, AgeCli.Age("-d", "-i", Key, dir.Write("f.age", file)).EnsureSuccess().Stdout);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(0)]
    public async Task Wrong_x25519_body_length_is_rejected(int length)
    {
        var fileKey = RandomNumberGenerator.GetBytes(16);
        var real = Crafted.X25519Stanza(Recipient, fileKey);
        var body = new byte[length];
        real.Body.AsSpan(0, Math.Min(length, 32)).CopyTo(body);
        var file = await Crafted.FileAsync(fileKey, [real with { Body = body }], RandomData.Bytes(1));
        Assert.Equal(CageErrorCode.HeaderCorrupted, await FailureAsync(file));
    }

    [Fact]
    public async Task Malformed_x25519_stanza_is_rejected_not_skipped()
    {
        var fileKey = RandomNumberGenerator.GetBytes(16);
        var real = Crafted.X25519Stanza(Recipient, fileKey);
        var extraArgument = await Crafted.FileAsync(fileKey, [real with { Arguments = [real.Arguments[0], "x"] }], RandomData.Bytes(1));
        Assert.Equal(CageErrorCode.HeaderCorrupted, await FailureAsync(extraArgument));
        var shortShare = await Crafted.FileAsync(fileKey, [real with { Arguments = [CanonicalBase64.Encode(new byte[31])] }], RandomData.Bytes(1));
        Assert.Equal(CageErrorCode.HeaderCorrupted, await FailureAsync(shortShare));
    }

    [Fact]
    public async Task All_zero_shared_secret_is_rejected()
    {
        var fileKey = RandomNumberGenerator.GetBytes(16);
        var lowOrder = new Stanza("X25519", [CanonicalBase64.Encode(new byte[32])], new byte[32]);
        var file = await Crafted.FileAsync(fileKey, [lowOrder], RandomData.Bytes(1));
        Assert.Equal(CageErrorCode.HeaderCorrupted, await FailureAsync(file));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task No_plaintext_of_a_failed_chunk_or_later_is_released(int parallelism)
    {
        var plaintext = RandomData.Bytes(40 * 65536);
        var file = await EncryptAsync(Engine(), plaintext, To(Recipient));
        var badChunk = 35;
        file[Crafted.HeaderLength(file) + 16 + badChunk * 65552 + 100] ^= 0x80;

        using var output = new MemoryStream();
        var e = await Assert.ThrowsAsync<CageException>(() => Engine(parallelism).DecryptAsync(new MemoryStream(file), output, With(Key)));

        Assert.Equal(CageErrorCode.PayloadCorrupted, e.Code);
        Assert.InRange(output.Length, 0, badChunk * 65536);
        Assert.Equal(plaintext.AsSpan(0, (int)output.Length).ToArray(), output.ToArray());
    }

    [Fact]
    public async Task Low_order_recipient_is_refused_on_encrypt()
    {
        var zero = Adapter.Recipients.Bech32.Encode("age", new byte[32]);
        var e = await Assert.ThrowsAsync<CageException>(() => EncryptAsync(Engine(), new byte[1], To(zero)));
        Assert.Equal(CageErrorCode.InvalidRecipient, e.Code);
    }

    [Fact]
    public async Task Binary_garbage_is_not_an_age_file()
    {
        Assert.Equal(CageErrorCode.NotAgeFile, await FailureAsync(RandomData.Bytes(100_000).Select(b => b == (byte)'\n' ? (byte)0 : b).ToArray()));
        Assert.Equal(CageErrorCode.NotAgeFile, await FailureAsync(Array.Empty<byte>()));
    }

    [Fact]
    public async Task Header_lines_must_be_exact()
    {
        Assert.Equal(CageErrorCode.HeaderCorrupted, await FailureAsync(Crafted.ReplaceText(Hello, "\n--- ", "\r\n--- ")));
        Assert.Equal(CageErrorCode.NotAgeFile, await FailureAsync(Crafted.ReplaceText(Hello, "age-encryption.org/v1\n", "age-encryption.org/v2\n")));
        Assert.Equal(CageErrorCode.HeaderCorrupted, await FailureAsync(Crafted.ReplaceText(Hello, "\n-> X25519 ", "\n-> X25519  ")));
        Assert.Equal(CageErrorCode.HeaderCorrupted, await FailureAsync(Crafted.ReplaceText(Hello, "\n--- ", "\n---  ")));
        Assert.Equal(CageErrorCode.NotAgeFile, await FailureAsync(Encoding.ASCII.GetBytes("hello world\n")));
    }

    [Fact]
    public async Task Body_line_longer_than_64_columns_is_rejected()
    {
        var fileKey = RandomNumberGenerator.GetBytes(16);
        var file = await Crafted.FileAsync(fileKey, [new Stanza("other", [], new byte[48]), Crafted.X25519Stanza(Recipient, fileKey)], RandomData.Bytes(1));
        var fullLine = HeaderText(file).Split('\n')[2];
        Assert.Equal(64, fullLine.Length);
        Assert.Equal(RandomData.Bytes(1), await DecryptAsync(Engine(), file, With(Key)));
        // A 68-column line (canonical base64 otherwise) before the empty terminator, MAC made valid again.
        var longLine = Crafted.ReplaceTextKeepingMac(file, fileKey, fullLine + "\n\n", fullLine + "AAAA\n\n");
        Assert.Equal(CageErrorCode.HeaderCorrupted, await FailureAsync(longLine));
    }

    private static string SwapFirst(string text) => (text[0] == 'A' ? 'B' : 'A') + text[1..];
}
