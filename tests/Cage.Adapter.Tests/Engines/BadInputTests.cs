using Cage.Adapter.Binary;
using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Identities;
using Cage.Adapter.Recipients;
using Cage.Testing;

namespace Cage.Adapter.Tests.Engines;

/// <summary>Each bad input gives its code, and no output file (nor temp file) is left behind.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly AgeBinaryEngine _engine = new();
    private readonly string _identityFile;
    private readonly byte[] _ciphertext;

    public BadInputTests()
    {
        var (identityFile, recipient) = TestKeys.NewAgeKey(_dir);
        _identityFile = identityFile;
        _ciphertext = AgeCli.Age(RandomData.Bytes(200_000), "-r", recipient).EnsureSuccess().Stdout;
    }

    private async Task<CageException> DecryptExpectingFailure(byte[] input, string? identityFile = null)
    {
        var inputPath = _dir.Write("input.age", input);
        var before = _dir.Files();
        var error = await Assert.ThrowsAsync<CageException>(() => _engine.DecryptFileAsync(
            inputPath, _dir.File("output.bin"), DecryptOptions.ForIdentities(IdentitySource.FromFile(identityFile ?? _identityFile))));
        Assert.False(File.Exists(_dir.File("output.bin")), "no output file after a failure");
        Assert.Equal(before, _dir.Files()); // no temp file either
        return error;
    }

    [Fact]
    public async Task Wrong_identity()
    {
        var (otherKey, _) = TestKeys.NewAgeKey(_dir, "other.txt");
        var error = await DecryptExpectingFailure(_ciphertext, otherKey);
        Assert.Equal(CageErrorCode.NoIdentityMatched, error.Code);
    }

    [Fact]
    public async Task Bit_flipped_header()
    {
        var corrupted = (byte[])_ciphertext.Clone();
        var macLine = IndexOf(corrupted, "\n---"u8.ToArray());
        corrupted[macLine - 10] ^= 0x01; // inside the stanza body: the header MAC no longer matches
        var error = await DecryptExpectingFailure(corrupted);
        Assert.True(error.Code is CageErrorCode.HeaderCorrupted or CageErrorCode.NoIdentityMatched, $"got {error.Code}");

        var macFlipped = (byte[])_ciphertext.Clone();
        macFlipped[macLine + 10] ^= 0x01; // inside the MAC itself
        Assert.Equal(CageErrorCode.HeaderCorrupted, (await DecryptExpectingFailure(macFlipped)).Code);
    }

    [Fact]
    public async Task Bit_flipped_payload()
    {
        var corrupted = (byte[])_ciphertext.Clone();
        corrupted[^100] ^= 0x80;
        Assert.Equal(CageErrorCode.PayloadCorrupted, (await DecryptExpectingFailure(corrupted)).Code);
    }

    [Fact]
    public async Task Truncated_files()
    {
        var headerEnd = IndexOf(_ciphertext, "\n---"u8.ToArray());
        var payloadStart = Array.IndexOf(_ciphertext, (byte)'\n', headerEnd + 1) + 1;
        // Cut inside the header, right after it, and at the first chunk boundary: all "ends early".
        Assert.Equal(CageErrorCode.Truncated, (await DecryptExpectingFailure(_ciphertext[..(headerEnd - 20)])).Code);
        Assert.Equal(CageErrorCode.Truncated, (await DecryptExpectingFailure(_ciphertext[..payloadStart])).Code);
        Assert.Equal(CageErrorCode.Truncated, (await DecryptExpectingFailure(_ciphertext[..(payloadStart + 16 + 65536 + 16)])).Code);
        // Cut mid-chunk: the last chunk fails authentication; age cannot tell this from corruption.
        Assert.Equal(CageErrorCode.PayloadCorrupted, (await DecryptExpectingFailure(_ciphertext[..^5000])).Code);
    }

    [Fact]
    public async Task Not_an_age_file()
    {
        var error = await DecryptExpectingFailure(RandomData.Bytes(5000));
        Assert.Equal(CageErrorCode.NotAgeFile, error.Code);
    }

    [Fact]
    public async Task Empty_file()
    {
        var error = await DecryptExpectingFailure(Array.Empty<byte>());
        Assert.Equal(CageErrorCode.NotAgeFile, error.Code);
    }

    [Theory]
    [InlineData("age1xyz")]
    [InlineData("age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq")]
    [InlineData("AGE-SECRET-KEY-1QQQQ")]
    [InlineData("ssh-ed25519 not-base64!")]
    [InlineData("ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBA==")]
    [InlineData("hello")]
    public void Malformed_recipient_is_rejected_before_age_runs(string recipient)
    {
        var error = Assert.Throws<CageException>(() => RecipientSet.Empty.Add(recipient));
        Assert.Equal(CageErrorCode.InvalidRecipient, error.Code);
        if (!recipient.StartsWith("AGE-SECRET", StringComparison.Ordinal))
            Assert.Contains(recipient.Length > 40 ? recipient[..40] : recipient, error.Message);
    }

    [Fact]
    public void Secret_key_given_as_recipient_is_not_echoed()
    {
        var (identity, _) = AgeCli.Keygen();
        var secret = identity.Split('\n').First(l => l.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal));
        var error = Assert.Throws<CageException>(() => Recipient.Parse(secret));
        Assert.Equal(CageErrorCode.InvalidRecipient, error.Code);
        Assert.DoesNotContain(secret[20..], error.ToString());
    }

    [Fact]
    public void Malformed_recipient_in_a_file_names_file_and_line()
    {
        var file = _dir.Write("recipients", "# ok\nage1nope\n");
        var error = Assert.Throws<CageException>(() => RecipientsFile.Read(file));
        Assert.Equal(CageErrorCode.InvalidRecipient, error.Code);
        Assert.Contains("recipients:2", error.Message);
    }

    [Fact]
    public async Task No_recipients()
    {
        var error = await Assert.ThrowsAsync<CageException>(() => _engine.EncryptAsync(new MemoryStream(new byte[1]), Stream.Null, new EncryptOptions()));
        Assert.Equal(CageErrorCode.NoRecipients, error.Code);
    }

    [Fact]
    public void Missing_age_says_how_to_install_it()
    {
        var environment = CageEnvironment.FromDictionary(new Dictionary<string, string?> { ["PATH"] = _dir.Path });
        var error = Assert.Throws<CageException>(() => new AgeBinaryEngine(new AgeBinaryEngineOptions { Environment = environment }));
        Assert.Equal(CageErrorCode.AgeNotFound, error.Code);
        Assert.Equal("CAGE001", error.CodeId);
        Assert.Contains("apt-get install age", error.Hint);
    }

    [Fact]
    public async Task Unreadable_input_directory()
    {
        Directory.CreateDirectory(_dir.File("a-folder"));
        var error = await Assert.ThrowsAsync<CageException>(() => _engine.DecryptFileAsync(
            _dir.File("a-folder"), _dir.File("output.bin"), DecryptOptions.ForIdentities(IdentitySource.FromFile(_identityFile))));
        Assert.Equal(CageErrorCode.InputUnreadable, error.Code);
        Assert.False(File.Exists(_dir.File("output.bin")));
    }

    [Fact]
    public async Task Missing_input_file()
    {
        var error = await Assert.ThrowsAsync<CageException>(() => _engine.EncryptFileAsync(
            _dir.File("nope.txt"), _dir.File("nope.txt.age"), EncryptOptions.ForRecipients(RecipientSet.Empty.Add(AgeCli.Keygen().Recipient))));
        Assert.Equal(CageErrorCode.InputNotFound, error.Code);
        Assert.False(File.Exists(_dir.File("nope.txt.age")));
    }

    [Fact]
    public async Task Failure_leaves_an_existing_destination_untouched()
    {
        var destination = _dir.Write("output.bin", "previous contents");
        var corrupted = (byte[])_ciphertext.Clone();
        corrupted[^100] ^= 0x80;
        var inputPath = _dir.Write("input.age", corrupted);

        await Assert.ThrowsAsync<CageException>(() => _engine.DecryptFileAsync(inputPath, destination, DecryptOptions.ForIdentities(IdentitySource.FromFile(_identityFile))));
        Assert.Equal("previous contents", File.ReadAllText(destination));
        Assert.DoesNotContain(_dir.Files(), f => f.Contains(AtomicFile.TempMarker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Utf16_identity_file_gets_a_clear_error()
    {
        var (identity, _) = AgeCli.Keygen();
        var utf16 = _dir.Write("utf16.txt", System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(identity)).ToArray());
        var error = await DecryptExpectingFailure(_ciphertext, utf16);
        Assert.Equal(CageErrorCode.InvalidIdentity, error.Code);
        Assert.Contains("UTF-16", error.Message);
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    public void Dispose() => _dir.Dispose();
}
