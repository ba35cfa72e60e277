using Cage.Adapter;
using Cage.Adapter.Engines;
using Cage.Adapter.Identities;
using Cage.Adapter.Recipients;
using Cage.Adapter.Rotation;
using Cage.Testing;

namespace Cage.Adapter.Tests.Rotation;

public sealed class KeyRotatorTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private (string Path, string Recipient) Key(string name)
    {
        var (identity, recipient) = AgeCli.Keygen();
        return (_dir.Write(name, identity), recipient);
    }

    private string Encrypted(string name, byte[] plain, string recipient, bool armor = false)
    {
        var path = _dir.File(name);
        var args = new List<string> { "-e", "-r", recipient, "-o", path };
        if (armor)
            args.Insert(1, "-a");
        AgeCli.Run(AgeCli.AgePath, args, plain).EnsureSuccess();
        return path;
    }

    [Fact]
    public async Task Rotates_every_file_keeping_armor_and_verifies_deep()
    {
        var (oldKey, oldRecipient) = Key("old.txt");
        var (newKey, newRecipient) = Key("new.txt");
        var plain = RandomData.Bytes(300_000);
        var binary = Encrypted("a.age", plain, oldRecipient);
        var armored = Encrypted("b.age", plain, oldRecipient, armor: true);
        var keys = DecryptOptions.ForIdentities(IdentitySource.FromFile(oldKey));
        File.SetUnixFileMode(binary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var result = await new KeyRotator(new AgeBinaryEngine()).RotateAsync(new RotationRequest
        {
            Files = new[] { binary, armored },
            Old = _ => keys,
            New = EncryptOptions.ForRecipients(RecipientSet.Empty.Add(newRecipient).Add(oldRecipient)),
            Verify = keys,
        });

        Assert.True(result.Committed);
        Assert.All(result.Files, f => Assert.Equal(RotationVerification.Deep, f.Verification));
        Assert.Equal(plain, AgeCli.Age("-d", "-i", newKey, binary).EnsureSuccess().Stdout);
        Assert.StartsWith("-----BEGIN AGE", File.ReadAllText(armored));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(binary));
        Assert.Equal(new[] { "a.age", "b.age", "new.txt", "old.txt" }, _dir.Files());
    }

    [Fact]
    public async Task Any_failure_leaves_every_file_byte_identical_and_no_temp_files()
    {
        var (oldKey, oldRecipient) = Key("old.txt");
        var (_, stranger) = Key("stranger.txt");
        var (_, newRecipient) = Key("new.txt");
        var files = Enumerable.Range(0, 5).Select(i => Encrypted($"f{i}.age", RandomData.Bytes(1000 * (i + 1)), i == 3 ? stranger : oldRecipient)).ToList();
        var before = files.ToDictionary(f => f, File.ReadAllBytes);
        var keys = DecryptOptions.ForIdentities(IdentitySource.FromFile(oldKey));

        var result = await new KeyRotator(new AgeBinaryEngine()).RotateAsync(new RotationRequest
        {
            Files = files,
            Old = _ => keys,
            New = EncryptOptions.ForRecipients(RecipientSet.Empty.Add(newRecipient)),
        });

        Assert.False(result.Committed);
        Assert.Equal(CageErrorCode.NoIdentityMatched, result.Files[3].Error!.Code);
        Assert.Equal(4, result.Files.Count(f => f.Succeeded));
        foreach (var (file, bytes) in before)
            Assert.Equal(bytes, File.ReadAllBytes(file));
        Assert.DoesNotContain(_dir.Files(), f => f.Contains(".cage-"));
    }

    [Fact]
    public async Task Dry_run_verifies_but_changes_nothing()
    {
        var (oldKey, oldRecipient) = Key("old.txt");
        var (_, newRecipient) = Key("new.txt");
        var file = Encrypted("a.age", RandomData.Bytes(5000), oldRecipient);
        var before = File.ReadAllBytes(file);

        var result = await new KeyRotator(new AgeBinaryEngine()).RotateAsync(new RotationRequest
        {
            Files = new[] { file },
            Old = _ => DecryptOptions.ForIdentities(IdentitySource.FromFile(oldKey)),
            New = EncryptOptions.ForRecipients(RecipientSet.Empty.Add(newRecipient)),
            DryRun = true,
        });

        Assert.True(result.AllSucceeded);
        Assert.False(result.Committed);
        Assert.Equal(RotationVerification.Header, result.Files[0].Verification);
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.DoesNotContain(_dir.Files(), f => f.Contains(".cage-"));
    }
}
