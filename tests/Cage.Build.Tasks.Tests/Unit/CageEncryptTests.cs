using Cage.Build.Tasks.Tests.Infrastructure;
using Cage.Testing;

namespace Cage.Build.Tasks.Tests.Unit;

public sealed class CageEncryptTests : IDisposable
{
    private readonly TaskHarness _h = new();

    public void Dispose() => _h.Dispose();

    private (CageEncrypt Task, FakeBuildEngine Engine) Encrypt(Adapter.CageEnvironment environment, params Microsoft.Build.Framework.ITaskItem[] items)
    {
        var (task, engine) = _h.Encrypt(environment, items);
        task.Recipients = _h.Recipient;
        task.StateFile = _h.Path("obj/cage/encrypt-state.tsv");
        return (task, engine);
    }

    [Fact]
    public void Encrypts_to_OutputPath_with_Armor_metadata_and_plain_age_decrypts_it()
    {
        var binary = RandomData.Bytes(150_000);
        var text = "licence: 42\n"u8.ToArray();
        var a = TaskHarness.Item(_h.Write("bin/blob.dat", binary), ("OutputPath", _h.Path("enc/blob.dat.age")));
        var b = TaskHarness.Item(_h.Write("bin/licence.txt", text), ("OutputPath", _h.Path("bin/licence.txt.age")), ("Armor", "true"));
        var (task, engine) = Encrypt(_h.Environment(), a, b);

        Assert.True(task.Execute(), engine.AllText);

        Assert.Equal(binary, _h.DecryptWithAge(_h.Path("enc/blob.dat.age")));
        Assert.Equal(text, _h.DecryptWithAge(_h.Path("bin/licence.txt.age")));
        Assert.StartsWith("-----BEGIN AGE ENCRYPTED FILE-----", File.ReadAllText(_h.Path("bin/licence.txt.age")));
        Assert.StartsWith("age-encryption.org/v1", File.ReadAllText(_h.Path("enc/blob.dat.age")));
        Assert.All(task.EncryptedFiles, f => Assert.Equal("true", f.GetMetadata("CageChanged")));
        Assert.Equal("true", task.EncryptedFiles[1].GetMetadata("Armor"));
    }

    [Fact]
    public void An_unchanged_plaintext_keeps_the_ciphertext_bytes_and_a_changed_one_rewrites_them()
    {
        var input = _h.Write("licence.txt", "v1"u8.ToArray());
        var item = TaskHarness.Item(input, ("OutputPath", input + ".age"));
        Assert.True(Encrypt(_h.Environment(), item).Task.Execute());
        var first = File.ReadAllBytes(input + ".age");
        File.SetLastWriteTimeUtc(input + ".age", DateTime.UtcNow.AddHours(-1));

        var (again, _) = Encrypt(_h.Environment(), item);
        Assert.True(again.Execute());
        Assert.Equal(first, File.ReadAllBytes(input + ".age"));
        Assert.Equal("false", again.EncryptedFiles[0].GetMetadata("CageChanged"));
        // Refreshed so MSBuild's Inputs/Outputs check sees it as up to date.
        Assert.True(File.GetLastWriteTimeUtc(input + ".age") > DateTime.UtcNow.AddMinutes(-5));

        File.WriteAllBytes(input, "v2"u8.ToArray());
        var (changed, _) = Encrypt(_h.Environment(), item);
        Assert.True(changed.Execute());
        Assert.NotEqual(first, File.ReadAllBytes(input + ".age"));
        Assert.Equal("v2"u8.ToArray(), _h.DecryptWithAge(input + ".age"));
        Assert.Equal("true", changed.EncryptedFiles[0].GetMetadata("CageChanged"));
    }

    [Fact]
    public void Changing_recipients_or_armor_re_encrypts_even_when_the_plaintext_is_the_same()
    {
        var input = _h.Write("s.txt", "same"u8.ToArray());
        var item = TaskHarness.Item(input, ("OutputPath", input + ".age"));
        Assert.True(Encrypt(_h.Environment(), item).Task.Execute());
        var first = File.ReadAllBytes(input + ".age");

        var other = AgeCli.Keygen();
        var (moreRecipients, _) = Encrypt(_h.Environment(), item);
        moreRecipients.Recipients = $"{_h.Recipient};{other.Recipient}";
        Assert.True(moreRecipients.Execute());
        var second = File.ReadAllBytes(input + ".age");
        Assert.NotEqual(first, second);
        Assert.Equal("same"u8.ToArray(), AgeCli.Run(AgeCli.AgePath, new[] { "-d", "-i", _h.Write("other.key", System.Text.Encoding.UTF8.GetBytes(other.Identity)), input + ".age" }).EnsureSuccess().Stdout);

        item.SetMetadata("Armor", "true");
        var (armored, _) = Encrypt(_h.Environment(), item);
        armored.Recipients = $"{_h.Recipient};{other.Recipient}";
        Assert.True(armored.Execute());
        Assert.StartsWith("-----BEGIN AGE", File.ReadAllText(input + ".age"));
    }

    [Fact]
    public void Without_a_record_an_identity_proves_the_old_ciphertext_holds_the_plaintext()
    {
        var input = _h.Write("s.txt", "in git"u8.ToArray());
        var output = _h.WriteEncrypted("s.txt.age", "in git"u8.ToArray());
        var committed = File.ReadAllBytes(output);
        var item = TaskHarness.Item(input, ("OutputPath", output));

        var (fresh, engine) = Encrypt(_h.EnvironmentWithIdentityFile(), item);
        Assert.True(fresh.Execute(), engine.AllText);
        Assert.Equal(committed, File.ReadAllBytes(output));

        File.WriteAllBytes(input, "in git, edited"u8.ToArray());
        File.Delete(_h.Path("obj/cage/encrypt-state.tsv"));
        var (edited, _) = Encrypt(_h.EnvironmentWithIdentityFile(), item);
        Assert.True(edited.Execute());
        Assert.Equal("in git, edited"u8.ToArray(), _h.DecryptWithAge(output));
    }

    [Fact]
    public void Without_a_record_or_an_identity_it_encrypts_again()
    {
        var input = _h.Write("s.txt", "x"u8.ToArray());
        var output = _h.WriteEncrypted("s.txt.age", "x"u8.ToArray());
        var committed = File.ReadAllBytes(output);

        var (task, _) = Encrypt(_h.Environment(), TaskHarness.Item(input, ("OutputPath", output)));
        Assert.True(task.Execute());
        Assert.NotEqual(committed, File.ReadAllBytes(output));
    }

    [Fact]
    public void The_state_file_is_private_and_holds_no_plaintext()
    {
        var input = _h.Write("s.txt", "plaintext-marker-1234"u8.ToArray());
        Assert.True(Encrypt(_h.Environment(), TaskHarness.Item(input, ("OutputPath", input + ".age"))).Task.Execute());

        var state = _h.Path("obj/cage/encrypt-state.tsv");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(state));
        Assert.DoesNotContain("plaintext-marker", File.ReadAllText(state));
    }

    [Fact]
    public void Bad_recipients_empty_recipient_files_and_missing_inputs_are_coded_per_item()
    {
        var good = TaskHarness.Item(_h.Write("good.txt", "ok"u8.ToArray()), ("OutputPath", _h.Path("good.txt.age")));
        var badRecipient = TaskHarness.Item(_h.Write("bad.txt", "x"u8.ToArray()), ("OutputPath", _h.Path("bad.txt.age")), ("Recipients", "age1notakey"));
        var noRecipients = TaskHarness.Item(_h.Write("none.txt", "x"u8.ToArray()), ("OutputPath", _h.Path("none.txt.age")), ("RecipientsFile", _h.Write("empty-recipients", "# nobody\n"u8.ToArray())));
        var missing = TaskHarness.Item(_h.Path("missing.txt"), ("OutputPath", _h.Path("missing.txt.age")));
        var badArmor = TaskHarness.Item(_h.Write("armor.txt", "x"u8.ToArray()), ("OutputPath", _h.Path("armor.txt.age")), ("Armor", "maybe"));
        var (task, engine) = Encrypt(_h.Environment(), good, badRecipient, noRecipients, missing, badArmor);

        Assert.False(task.Execute());

        Assert.Equal(new[] { "CAGE003", "CAGE004", "CAGE014", "CAGE029" }, engine.ErrorCodes);
        Assert.Equal(new[] { "bad.txt", "none.txt", "missing.txt", "armor.txt" }.Select(_h.Path), engine.Errors.Select(e => e.File));
        Assert.Equal("ok"u8.ToArray(), _h.DecryptWithAge(_h.Path("good.txt.age")));
        Assert.False(File.Exists(_h.Path("bad.txt.age")));
        Assert.Single(task.EncryptedFiles);
    }

    [Fact]
    public void No_recipients_configured_anywhere_is_CAGE004()
    {
        var (task, engine) = _h.Encrypt(_h.Environment(), TaskHarness.Item(_h.Write("a.txt", "a"u8.ToArray()), ("OutputPath", _h.Path("a.txt.age"))));

        Assert.False(task.Execute());
        Assert.Equal(new[] { "CAGE004" }, engine.ErrorCodes);
        Assert.Contains(".cage/recipients", engine.Errors[0].Message);
    }
}
