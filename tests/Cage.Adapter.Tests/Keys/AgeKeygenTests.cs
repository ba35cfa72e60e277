using Cage.Adapter;
using Cage.Adapter.Keys;
using Cage.Testing;

namespace Cage.Adapter.Tests.Keys;

public sealed class AgeKeygenTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Generated_key_is_0600_in_a_new_0700_folder_and_its_recipient_matches()
    {
        var path = _dir.File("new/keys.txt");

        var key = await new AgeKeygen().GenerateAsync(path, overwrite: false);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_dir.File("new")));
        Assert.Equal(AgeCli.Run(AgeCli.KeygenPath, new[] { "-y", path }).EnsureSuccess().StdoutText.Trim(), key.Recipient);
        Assert.Single(Directory.GetFiles(_dir.File("new"))); // no temp file left beside it
    }

    [Fact]
    public async Task Refuses_to_overwrite_unless_asked()
    {
        var path = _dir.Write("k.txt", "keep me");
        var e = await Assert.ThrowsAsync<CageException>(() => new AgeKeygen().GenerateAsync(path, overwrite: false));
        Assert.Equal(CageErrorCode.OutputExists, e.Code);
        Assert.Equal("keep me", File.ReadAllText(path));

        await new AgeKeygen().GenerateAsync(path, overwrite: true);
        Assert.StartsWith("# created", File.ReadAllText(path));
    }

    [Fact]
    public async Task Derives_recipients_from_file_and_contents_and_rejects_garbage()
    {
        var (identity, recipient) = AgeCli.Keygen();
        var path = _dir.Write("k.txt", identity);
        var keygen = new AgeKeygen();

        Assert.Equal(new[] { recipient }, await keygen.DeriveRecipientsAsync(path));
        Assert.Equal(new[] { recipient }, await keygen.DeriveRecipientsFromContentsAsync(System.Text.Encoding.UTF8.GetBytes(identity)));
        var e = await Assert.ThrowsAsync<CageException>(() => keygen.DeriveRecipientsAsync(_dir.Write("bad.txt", "nonsense")));
        Assert.Equal(CageErrorCode.InvalidIdentity, e.Code);
    }

    [Fact]
    public void Missing_age_keygen_is_a_coded_error()
    {
        var env = CageEnvironment.FromDictionary(new Dictionary<string, string?> { ["PATH"] = _dir.Path });
        var e = Assert.Throws<CageException>(() => new AgeKeygen(environment: env));
        Assert.Equal(CageErrorCode.AgeKeygenNotFound, e.Code);
    }
}
