using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Identities;
using Cage.Adapter.Recipients;
using Cage.Testing;

namespace Cage.Adapter.Tests.Engines;

public sealed class RecipientRoundTripTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly AgeBinaryEngine _engine = new();

    public static TheoryData<int> Sizes => new() { 0, 1, 65535, 65536, 65537, 10 * 1024 * 1024 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Streams_round_trip_byte_for_byte(int size)
    {
        var (identityFile, recipient) = TestKeys.NewAgeKey(_dir);
        var plaintext = RandomData.Bytes(size);

        var ciphertext = new MemoryStream();
        await _engine.EncryptAsync(new MemoryStream(plaintext), ciphertext, EncryptOptions.ForRecipients(RecipientSet.Empty.Add(recipient)));
        Assert.True(ciphertext.Length > size, "ciphertext carries a header and tags");

        var decrypted = new MemoryStream();
        await _engine.DecryptAsync(new MemoryStream(ciphertext.ToArray()), decrypted, DecryptOptions.ForIdentities(IdentitySource.FromFile(identityFile)));
        Assert.Equal(plaintext, decrypted.ToArray());
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Files_round_trip_byte_for_byte_and_plaintext_is_private(int size)
    {
        var (identityFile, recipient) = TestKeys.NewAgeKey(_dir);
        var plaintext = RandomData.Bytes(size);
        var input = _dir.Write("secret.bin", plaintext);

        await _engine.EncryptFileAsync(input, _dir.File("secret.bin.age"), EncryptOptions.ForRecipients(RecipientSet.Empty.Add(recipient)));
        await _engine.DecryptFileAsync(_dir.File("secret.bin.age"), _dir.File("out.bin"), DecryptOptions.ForIdentities(IdentitySource.FromFile(identityFile)));

        Assert.Equal(plaintext, File.ReadAllBytes(_dir.File("out.bin")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir.File("out.bin")));
        Assert.Equal(new[] { "key.txt", "out.bin", "secret.bin", "secret.bin.age" }, _dir.Files());
    }

    [Fact]
    public async Task Every_one_of_several_recipients_can_decrypt()
    {
        var keys = Enumerable.Range(0, 3).Select(i => TestKeys.NewAgeKey(_dir, $"key{i}.txt")).ToList();
        var recipients = keys.Aggregate(RecipientSet.Empty, (set, k) => set.Add(k.Recipient));
        var plaintext = RandomData.Bytes(100_000);
        var ciphertext = new MemoryStream();
        await _engine.EncryptAsync(new MemoryStream(plaintext), ciphertext, EncryptOptions.ForRecipients(recipients));

        foreach (var (identityFile, _) in keys)
        {
            var decrypted = new MemoryStream();
            await _engine.DecryptAsync(new MemoryStream(ciphertext.ToArray()), decrypted, DecryptOptions.ForIdentities(IdentitySource.FromFile(identityFile)));
            Assert.Equal(plaintext, decrypted.ToArray());
        }
    }

    [Fact]
    public async Task Armored_output_is_pem_text_and_decrypts()
    {
        var (identityFile, recipient) = TestKeys.NewAgeKey(_dir);
        var plaintext = RandomData.Bytes(70_000);
        var ciphertext = new MemoryStream();
        await _engine.EncryptAsync(new MemoryStream(plaintext), ciphertext, EncryptOptions.ForRecipients(RecipientSet.Empty.Add(recipient), armor: true));

        var text = System.Text.Encoding.ASCII.GetString(ciphertext.ToArray());
        Assert.StartsWith("-----BEGIN AGE ENCRYPTED FILE-----\n", text);
        Assert.EndsWith("-----END AGE ENCRYPTED FILE-----\n", text);

        var decrypted = new MemoryStream();
        await _engine.DecryptAsync(new MemoryStream(ciphertext.ToArray()), decrypted, DecryptOptions.ForIdentities(IdentitySource.FromFile(identityFile)));
        Assert.Equal(plaintext, decrypted.ToArray());
    }

    [Fact]
    public async Task Armored_input_with_crlf_line_endings_decrypts()
    {
        var (identityFile, recipient) = TestKeys.NewAgeKey(_dir);
        var plaintext = RandomData.Bytes(5000);
        var armored = AgeCli.Age(plaintext, "-a", "-r", recipient).EnsureSuccess().StdoutText.Replace("\n", "\r\n");

        var decrypted = new MemoryStream();
        await _engine.DecryptAsync(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(armored)), decrypted, DecryptOptions.ForIdentities(IdentitySource.FromFile(identityFile)));
        Assert.Equal(plaintext, decrypted.ToArray());
    }

    [Theory]
    [InlineData("ed25519")]
    [InlineData("rsa")]
    public async Task Ssh_keys_work_as_recipient_and_identity(string type)
    {
        var (privateKey, publicKey) = TestKeys.NewSshKey(_dir, type, "id_" + type);
        var plaintext = RandomData.Bytes(65537);
        await File.WriteAllBytesAsync(_dir.File("in.bin"), plaintext);

        await _engine.EncryptFileAsync(_dir.File("in.bin"), _dir.File("in.bin.age"), EncryptOptions.ForRecipients(RecipientSet.Empty.Add(publicKey)));
        await _engine.DecryptFileAsync(_dir.File("in.bin.age"), _dir.File("out.bin"), DecryptOptions.ForIdentities(IdentitySource.FromFile(privateKey)));

        Assert.Equal(plaintext, File.ReadAllBytes(_dir.File("out.bin")));
    }

    [Fact]
    public async Task Recipients_file_with_bom_crlf_comments_and_blank_lines_works()
    {
        var (identityFile, recipient) = TestKeys.NewAgeKey(_dir, "a.txt");
        var (sshKey, sshPublic) = TestKeys.NewSshKey(_dir, "ed25519", "id_ed");
        var recipientsFile = _dir.Write("recipients", "\uFEFF# team\r\n\r\n" + recipient + "\r\n  # laptop\r\n" + sshPublic + "\r\n");

        var set = RecipientSet.Empty.AddFile(recipientsFile);
        Assert.Equal(2, set.Count);

        var plaintext = RandomData.Bytes(1000);
        var ciphertext = new MemoryStream();
        await _engine.EncryptAsync(new MemoryStream(plaintext), ciphertext, EncryptOptions.ForRecipients(set));
        foreach (var identity in new[] { identityFile, sshKey })
        {
            var decrypted = new MemoryStream();
            await _engine.DecryptAsync(new MemoryStream(ciphertext.ToArray()), decrypted, DecryptOptions.ForIdentities(IdentitySource.FromFile(identity)));
            Assert.Equal(plaintext, decrypted.ToArray());
        }
    }

    [Fact]
    public async Task Identity_file_with_bom_and_crlf_works()
    {
        var (identity, recipient) = AgeCli.Keygen();
        var identityFile = _dir.Write("bom-key.txt", "\uFEFF" + identity.Replace("\n", "\r\n"));
        var plaintext = RandomData.Bytes(1234);
        var ciphertext = AgeCli.Age(plaintext, "-r", recipient).EnsureSuccess().Stdout;

        var decrypted = new MemoryStream();
        await _engine.DecryptAsync(new MemoryStream(ciphertext), decrypted, DecryptOptions.ForIdentities(IdentitySource.FromFile(identityFile)));
        Assert.Equal(plaintext, decrypted.ToArray());
    }

    public void Dispose() => _dir.Dispose();
}
