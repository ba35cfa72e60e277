using System.Text;
using Cage.Adapter;
using Cage.Adapter.Headers;
using Cage.Testing;

namespace Cage.Adapter.Tests.Headers;

public sealed class AgeHeaderReaderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Binary_file_to_two_recipients_lists_two_X25519_stanzas()
    {
        var (_, r1) = AgeCli.Keygen();
        var (_, r2) = AgeCli.Keygen();
        var encrypted = AgeCli.Age(Encoding.UTF8.GetBytes("x"), "-e", "-r", r1, "-r", r2).EnsureSuccess().Stdout;

        var header = AgeHeaderReader.Parse(encrypted);

        Assert.Equal(AgeFileFormat.Binary, header.Format);
        Assert.Equal(new[] { "X25519", "X25519" }, header.StanzaTypes);
        Assert.True(header.IsWellFormed);
        Assert.False(header.IsPassphrase);
    }

    [Fact]
    public void Armored_file_is_decoded_to_its_stanzas()
    {
        var (_, r1) = AgeCli.Keygen();
        var armored = AgeCli.Age(RandomData.Bytes(100_000), "-e", "-a", "-r", r1).EnsureSuccess().Stdout;
        var path = _dir.Write("a.txt", armored);

        var header = AgeHeaderReader.ReadFile(path);

        Assert.Equal(AgeFileFormat.Armored, header.Format);
        Assert.Equal(new[] { "X25519" }, header.StanzaTypes);
        Assert.True(header.IsWellFormed);
    }

    [Fact]
    public void Scrypt_stanza_marks_a_passphrase_file()
    {
        var text = "age-encryption.org/v1\n-> scrypt c2FsdA 18\nYm9keQ\n--- bWFj\n";
        var header = AgeHeaderReader.Parse(Encoding.ASCII.GetBytes(text + "payload"));
        Assert.True(header.IsPassphrase);
        Assert.True(header.IsWellFormed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello world")]
    [InlineData("age-encryption.org/v2\n")]
    [InlineData("{\"json\": true}")]
    public void Other_content_is_not_age(string text)
    {
        var header = AgeHeaderReader.Parse(Encoding.UTF8.GetBytes(text));
        Assert.Equal(AgeFileFormat.NotAge, header.Format);
        Assert.False(header.IsAge);
    }

    [Fact]
    public void Header_without_mac_line_is_age_but_not_well_formed()
    {
        var header = AgeHeaderReader.Parse(Encoding.ASCII.GetBytes("age-encryption.org/v1\n-> X25519 abc\nYm9keQ\n"));
        Assert.True(header.IsAge);
        Assert.False(header.IsWellFormed);
    }

    [Fact]
    public void Peek_returns_the_header_and_replays_every_byte()
    {
        var (_, r1) = AgeCli.Keygen();
        var encrypted = AgeCli.Age(RandomData.Bytes(200_000), "-e", "-r", r1).EnsureSuccess().Stdout;
        using var source = new NonSeekable(encrypted);

        var peeked = AgeHeaderReader.Peek(source);
        using var copy = new MemoryStream();
        peeked.Stream.CopyTo(copy);

        Assert.True(peeked.Header.IsWellFormed);
        Assert.Equal(encrypted, copy.ToArray());
    }

    [Fact]
    public void Missing_file_is_a_coded_error()
    {
        var e = Assert.Throws<CageException>(() => AgeHeaderReader.ReadFile(_dir.File("missing")));
        Assert.Equal(CageErrorCode.InputNotFound, e.Code);
        Assert.False(AgeHeaderReader.IsAgeFile(_dir.File("missing")));
    }

    private sealed class NonSeekable : MemoryStream
    {
        public NonSeekable(byte[] data) : base(data) { }
        public override bool CanSeek => false;
    }
}
