using Cage.Adapter.Recipients;
using Cage.Testing;

namespace Cage.Adapter.Tests.Recipients;

public sealed class RecipientParsingTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public void Real_age_keys_parse_as_x25519()
    {
        for (var i = 0; i < 5; i++)
        {
            var (_, recipient) = AgeCli.Keygen();
            var parsed = Recipient.Parse(recipient);
            Assert.Equal(RecipientKind.X25519, parsed.Kind);
            Assert.Equal(recipient, parsed.Value);
        }
    }

    [Fact]
    public void A_single_changed_character_breaks_the_checksum()
    {
        var (_, recipient) = AgeCli.Keygen();
        var last = recipient[^1];
        var tampered = recipient[..^1] + (last == 'q' ? 'p' : 'q');
        var error = Assert.Throws<CageException>(() => Recipient.Parse(tampered));
        Assert.Equal(CageErrorCode.InvalidRecipient, error.Code);
        Assert.Contains("checksum", error.Message);
    }

    [Theory]
    [InlineData("ed25519", RecipientKind.SshEd25519)]
    [InlineData("rsa", RecipientKind.SshRsa)]
    public void Ssh_public_keys_parse_and_drop_their_comment(string type, RecipientKind kind)
    {
        var (_, publicKey) = TestKeys.NewSshKey(_dir, type, "id");
        var parsed = Recipient.Parse(publicKey);
        Assert.Equal(kind, parsed.Kind);
        Assert.DoesNotContain("test@cage", parsed.Value);
        Assert.Equal(string.Join(' ', publicKey.Split(' ')[..2]), parsed.Value);
    }

    [Fact]
    public void Unsupported_ssh_key_types_are_named()
    {
        var (_, publicKey) = TestKeys.NewSshKey(_dir, "ecdsa", "id_ecdsa");
        var error = Assert.Throws<CageException>(() => Recipient.Parse(publicKey));
        Assert.Equal(CageErrorCode.InvalidRecipient, error.Code);
        Assert.Contains("ecdsa-sha2-nistp256", error.Message);
    }

    [Fact]
    public void Ssh_key_whose_data_disagrees_with_its_type_is_rejected()
    {
        var (_, rsa) = TestKeys.NewSshKey(_dir, "rsa", "id_rsa");
        var lie = "ssh-ed25519 " + rsa.Split(' ')[1];
        Assert.Equal(CageErrorCode.InvalidRecipient, Assert.Throws<CageException>(() => Recipient.Parse(lie)).Code);
    }

    [Fact]
    public void Sets_deduplicate_and_keep_order()
    {
        var a = AgeCli.Keygen().Recipient;
        var b = AgeCli.Keygen().Recipient;
        var set = RecipientSet.Empty.Add(a).Add(b).Add(a);
        Assert.Equal(new[] { a, b }, set.Recipients.Select(r => r.Value));
        Assert.Equal(0, RecipientSet.Empty.Count);
    }

    [Fact]
    public void Missing_recipients_file_has_its_own_code()
    {
        var error = Assert.Throws<CageException>(() => RecipientsFile.Read(_dir.File("nope")));
        Assert.Equal(CageErrorCode.RecipientsFileUnreadable, error.Code);
    }

    [Fact]
    public void Comments_blank_lines_and_crlf_only_file_gives_no_recipients()
    {
        Assert.Empty(RecipientsFile.Parse("\uFEFF# nothing here\r\n\r\n   \r\n", "x"));
    }

    public void Dispose() => _dir.Dispose();
}
