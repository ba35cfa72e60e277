using System.Text;
using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>
/// Recipients and identity files as editors and other tools leave them: a UTF-8 BOM and CRLF line ends work;
/// UTF-16 identity files, invalid recipients and unsupported SSH keys are coded errors that write nothing; an
/// identity file others can read works but warns (CAGE060).
/// </summary>
public sealed class KeyFileTests : IDisposable
{
    private static readonly byte[] Bom = { 0xEF, 0xBB, 0xBF };
    private readonly ToolScene _scene = new();

    public void Dispose() => _scene.Dispose();

    private ToolProcess Tool => _scene.Tool;

    [Fact]
    public void Recipients_file_with_a_BOM_CRLF_and_comments_locks()
    {
        var (_, second) = AgeCli.Keygen();
        Tool.Write(".cage/recipients", Bom.Concat(Encoding.UTF8.GetBytes($"# team\r\n{_scene.Recipient}\r\n\r\n{second}  \r\n")).ToArray());
        Tool.Write("a.txt", "A");

        ToolAssert.Ok(Tool.Run("lock", "a.txt"));
        File.Delete(Tool.PathIn("a.txt"));
        ToolAssert.Ok(Tool.Run("unlock", "a.txt.age"));

        Assert.Equal("A", File.ReadAllText(Tool.PathIn("a.txt")));
        Assert.Equal(2, Cage.Adapter.Headers.AgeHeaderReader.ReadFile(Tool.PathIn("a.txt.age")).StanzaTypes.Count);
    }

    [Fact]
    public void Identity_file_with_a_BOM_and_CRLF_unlocks()
    {
        var crlf = File.ReadAllText(_scene.KeyFile).Replace("\n", "\r\n");
        var key = Tool.Write("bom-key.txt", Bom.Concat(Encoding.UTF8.GetBytes(crlf)).ToArray());
        File.SetUnixFileMode(key, ToolScene.OwnerOnly);
        Tool.Write("a.txt", "A");
        ToolAssert.Ok(Tool.Run("lock", "a.txt", "--remove-original"));

        ToolAssert.Ok(Tool.Run("unlock", "-i", "bom-key.txt", "a.txt.age"));

        Assert.Equal("A", File.ReadAllText(Tool.PathIn("a.txt")));
    }

    [Fact]
    public void UTF16_identity_file_is_CAGE007_and_writes_nothing()
    {
        var key = Tool.Write("utf16-key.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(File.ReadAllText(_scene.KeyFile))).ToArray());
        File.SetUnixFileMode(key, ToolScene.OwnerOnly);
        Tool.Write("a.txt", "A");
        ToolAssert.Ok(Tool.Run("lock", "a.txt", "--remove-original"));

        var run = Tool.Run("unlock", "-i", "utf16-key.txt", "a.txt.age");

        ToolAssert.Failed(run, 1, "CAGE007");
        Assert.Contains("UTF-16", run.Stderr);
        Assert.Equal(new[] { "a.txt.age", "utf16-key.txt" }, _scene.Files());
    }

    [Fact]
    public void UTF16_recipients_file_with_its_BOM_is_decoded_and_locks()
    {
        Tool.Write(".cage/recipients", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(_scene.Recipient + "\r\n")).ToArray());
        Tool.Write("a.txt", "A");

        ToolAssert.Ok(Tool.Run("lock", "a.txt", "--remove-original"));
        ToolAssert.Ok(Tool.Run("unlock", "a.txt.age"));

        Assert.Equal("A", File.ReadAllText(Tool.PathIn("a.txt")));
    }

    [Theory]
    [InlineData("age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq")]
    [InlineData("age1notbech32")]
    [InlineData("ssh-ed25519 AAAA-not-base64")]
    [InlineData("npub1someoneelseskey")]
    public void Invalid_recipient_is_CAGE003_and_writes_nothing(string recipient)
    {
        Tool.Write("a.txt", "A");

        var run = Tool.Run("lock", "-r", recipient, "a.txt");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("(CAGE003)", run.Stderr);
        Assert.Equal(new[] { "a.txt" }, _scene.Files());
    }

    [Fact]
    public void Invalid_line_in_a_recipients_file_is_CAGE003_naming_file_and_line()
    {
        Tool.Write(".cage/recipients", $"{_scene.Recipient}\nage1broken\n");
        Tool.Write("a.txt", "A");

        var run = Tool.Run("lock", "a.txt");

        ToolAssert.Failed(run, 1, "CAGE003");
        Assert.Contains("recipients", run.Stderr);
        Assert.Equal(new[] { "a.txt" }, _scene.Files());
    }

    [Fact]
    public void ECDSA_public_key_as_recipient_is_CAGE003_and_ECDSA_private_key_as_identity_is_CAGE007()
    {
        var (privateKey, publicKey) = TestKeys.NewSshKey(Tool.Dir, "ecdsa", "id_ecdsa");
        Tool.Write("a.txt", "A");

        var asRecipient = Tool.Run("lock", "-r", publicKey, "a.txt");
        Assert.Contains("(CAGE003)", asRecipient.Stderr);
        Assert.Contains("ecdsa", asRecipient.Stderr);

        ToolAssert.Ok(Tool.Run("lock", "a.txt", "--remove-original"));
        var asIdentity = Tool.Run("unlock", "-i", privateKey, "a.txt.age");
        ToolAssert.Failed(asIdentity, 1, "CAGE007");
        Assert.Equal(new[] { "a.txt.age" }, _scene.Files());
    }

    [Fact]
    public void Identity_file_others_can_read_unlocks_with_a_CAGE060_warning_and_a_private_one_without()
    {
        Tool.Write("a.txt", "A");
        ToolAssert.Ok(Tool.Run("lock", "a.txt", "--remove-original"));
        File.SetUnixFileMode(_scene.KeyFile, ToolScene.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var loose = ToolAssert.Ok(Tool.Run("unlock", "a.txt.age", "--json"));

        Assert.Contains("cage: warning: an identity file can be read by other users", loose.Stderr);
        Assert.Contains("0644", loose.Stderr);
        Assert.Contains("(CAGE060)", loose.Stderr);
        Assert.Equal(JsonValueKindOf(loose), System.Text.Json.JsonValueKind.Object); // stdout stays pure JSON
        Assert.Equal("A", File.ReadAllText(Tool.PathIn("a.txt")));

        File.SetUnixFileMode(_scene.KeyFile, ToolScene.OwnerOnly);
        var tight = ToolAssert.Ok(Tool.Run("unlock", "a.txt.age", "--force"));
        Assert.DoesNotContain("CAGE060", tight.Stderr);
    }

    [Fact]
    public void A_symlink_to_a_private_identity_file_is_judged_by_the_file_not_the_link()
    {
        Tool.Write("a.txt", "A");
        ToolAssert.Ok(Tool.Run("lock", "a.txt", "--remove-original"));
        var link = Tool.PathIn("key-link.txt");
        File.CreateSymbolicLink(link, _scene.KeyFile);

        var run = ToolAssert.Ok(Tool.Run("unlock", "-i", "key-link.txt", "a.txt.age"));

        Assert.DoesNotContain("CAGE060", run.Stderr);
        Assert.Equal("A", File.ReadAllText(Tool.PathIn("a.txt")));
    }

    private static System.Text.Json.JsonValueKind JsonValueKindOf(ToolRun run) => run.Json.ValueKind;
}
