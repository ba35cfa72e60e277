using Cage.Build.Tasks.Tests.Infrastructure;
using Cage.Testing;
using Microsoft.Build.Framework;

namespace Cage.Build.Tasks.Tests.Unit;

public sealed class CageDecryptTests : IDisposable
{
    private readonly TaskHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Decrypts_every_item_to_its_OutputPath_keeping_metadata()
    {
        var plaintexts = Enumerable.Range(0, 4).Select(i => RandomData.Bytes(10_000 + i * 70_000, seed: i)).ToArray();
        var items = plaintexts.Select((p, i) => TaskHarness.Item(_h.WriteEncrypted($"secrets/s{i}.bin.age", p),
            ("OutputPath", _h.Path($"obj/cage/out{i}/s{i}.bin")), ("TargetPath", $"data/s{i}.bin"))).ToArray();
        var (task, engine) = _h.Decrypt(_h.EnvironmentWithIdentityFile(), items);
        task.MaxParallelism = 2;

        Assert.True(task.Execute(), engine.AllText);

        Assert.Empty(engine.Errors);
        for (var i = 0; i < plaintexts.Length; i++)
        {
            var output = _h.Path($"obj/cage/out{i}/s{i}.bin");
            Assert.Equal(plaintexts[i], File.ReadAllBytes(output));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(output));
            var result = task.DecryptedFiles[i];
            Assert.Equal(output, result.ItemSpec);
            Assert.Equal($"data/s{i}.bin", result.GetMetadata("TargetPath"));
            Assert.Equal(items[i].GetMetadata("FullPath"), result.GetMetadata("CageSource"));
        }
        // One line per item at normal importance, nothing louder.
        Assert.Equal(4, engine.Messages.Count(m => m.Importance == MessageImportance.Normal && m.Message!.StartsWith("Cage: decrypted", StringComparison.Ordinal)));
        Assert.DoesNotContain(engine.Messages, m => m.Importance == MessageImportance.High);
    }

    [Fact]
    public void Identity_contents_from_the_environment_decrypt_and_never_appear_in_the_log()
    {
        var plaintext = RandomData.Bytes(5000);
        var item = TaskHarness.Item(_h.WriteEncrypted("a.age", plaintext), ("OutputPath", _h.Path("out/a")));
        var (task, engine) = _h.Decrypt(_h.Environment(("CAGE_IDENTITY", _h.Identity)), item);

        Assert.True(task.Execute(), engine.AllText);

        Assert.Equal(plaintext, File.ReadAllBytes(_h.Path("out/a")));
        var secretLine = _h.Identity.Split('\n').First(l => l.StartsWith("AGE-SECRET-KEY-", StringComparison.Ordinal));
        Assert.DoesNotContain(secretLine, engine.AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_missing_input_is_CAGE014_against_that_file_and_the_other_items_still_decrypt()
    {
        var good = TaskHarness.Item(_h.WriteEncrypted("good.age", new byte[] { 1, 2, 3 }), ("OutputPath", _h.Path("out/good")));
        var missing = TaskHarness.Item(_h.Path("missing.age"), ("OutputPath", _h.Path("out/missing")));
        var (task, engine) = _h.Decrypt(_h.EnvironmentWithIdentityFile(), good, missing);

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("CAGE014", error.Code);
        Assert.Equal(_h.Path("missing.age"), error.File);
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(_h.Path("out/good")));
        Assert.False(File.Exists(_h.Path("out/missing")));
    }

    [Fact]
    public void Wrong_key_and_garbage_inputs_get_their_own_codes()
    {
        var other = AgeCli.Keygen();
        var wrongKey = TaskHarness.Item(_h.WriteEncrypted("wrong.age", new byte[] { 9 }, other.Recipient), ("OutputPath", _h.Path("out/wrong")));
        var notAge = TaskHarness.Item(_h.Write("plain.age", "just text\n"u8.ToArray()), ("OutputPath", _h.Path("out/plain")));
        var (task, engine) = _h.Decrypt(_h.EnvironmentWithIdentityFile(), wrongKey, notAge);

        Assert.False(task.Execute());

        Assert.Equal(new[] { "CAGE008", "CAGE013" }, engine.ErrorCodes);
        Assert.Equal(new[] { _h.Path("wrong.age"), _h.Path("plain.age") }, engine.Errors.Select(e => e.File));
        Assert.False(File.Exists(_h.Path("out/wrong")));
        Assert.False(File.Exists(_h.Path("out/plain")));
    }

    [Fact]
    public void No_identity_anywhere_is_CAGE006_once_naming_the_sources_tried()
    {
        var a = TaskHarness.Item(_h.WriteEncrypted("a.age", new byte[] { 1 }), ("OutputPath", _h.Path("out/a")));
        var b = TaskHarness.Item(_h.WriteEncrypted("b.age", new byte[] { 2 }), ("OutputPath", _h.Path("out/b")));
        var (task, engine) = _h.Decrypt(_h.Environment(), a, b);

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("CAGE006", error.Code);
        Assert.Equal(_h.Path("a.age"), error.File);
        Assert.Contains("CAGE_IDENTITY", error.Message);
        Assert.Contains("CAGE_IDENTITY_FILE", error.Message);
        Assert.Contains(Path.Combine(_h.EmptyConfigHome, "cage", "keys.txt"), error.Message);
    }

    [Fact]
    public void Explicit_identity_files_win_over_the_environment()
    {
        var item = TaskHarness.Item(_h.WriteEncrypted("a.age", new byte[] { 7 }), ("OutputPath", _h.Path("out/a")));
        var (task, engine) = _h.Decrypt(_h.Environment(("CAGE_IDENTITY_FILE", _h.Path("does-not-exist.txt"))), item);
        task.IdentityFiles = new[] { _h.IdentityFile };

        Assert.True(task.Execute(), engine.AllText);
        Assert.Equal(new byte[] { 7 }, File.ReadAllBytes(_h.Path("out/a")));
    }

    [Fact]
    public void An_identity_file_others_can_read_decrypts_with_a_CAGE060_warning()
    {
        var item = TaskHarness.Item(_h.WriteEncrypted("a.age", new byte[] { 7 }), ("OutputPath", _h.Path("out/a")));
        File.SetUnixFileMode(_h.IdentityFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var (loose, looseEngine) = _h.Decrypt(_h.EnvironmentWithIdentityFile(), item);

        Assert.True(loose.Execute(), looseEngine.AllText);
        var warning = Assert.Single(looseEngine.Warnings);
        Assert.Equal("CAGE060", warning.Code);
        Assert.Contains(_h.IdentityFile, warning.Message);

        File.SetUnixFileMode(_h.IdentityFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var (tight, tightEngine) = _h.Decrypt(_h.EnvironmentWithIdentityFile(), item);
        Assert.True(tight.Execute(), tightEngine.AllText);
        Assert.Empty(tightEngine.Warnings);
    }

    [Fact]
    public void A_missing_age_binary_is_CAGE001_with_the_install_hint()
    {
        var item = TaskHarness.Item(_h.WriteEncrypted("a.age", new byte[] { 1 }), ("OutputPath", _h.Path("out/a")));
        var (task, engine) = _h.Decrypt(_h.EnvironmentWithIdentityFile(), item);
        task.AgePath = _h.Path("no/such/age");

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("CAGE001", error.Code);
        Assert.Contains("apt-get install age", error.Message);
    }

    [Theory]
    [InlineData("bogus", "CAGE024")]
    [InlineData("PIPE", null)]
    [InlineData("tempfile", null)]
    [InlineData("", null)]
    public void The_streaming_strategy_is_validated(string strategy, string? expectedCode)
    {
        var item = TaskHarness.Item(_h.WriteEncrypted("a.age", new byte[] { 1 }), ("OutputPath", _h.Path("out/a")));
        var (task, engine) = _h.Decrypt(_h.EnvironmentWithIdentityFile(), item);
        task.StreamingStrategy = strategy;

        Assert.Equal(expectedCode is null, task.Execute());
        Assert.Equal(expectedCode is null ? Array.Empty<string>() : new[] { expectedCode }, engine.ErrorCodes);
    }

    [Fact]
    public void Negative_parallelism_and_a_missing_OutputPath_are_configuration_errors()
    {
        var item = TaskHarness.Item(_h.WriteEncrypted("a.age", new byte[] { 1 }), ("OutputPath", _h.Path("out/a")));
        var (negative, engine1) = _h.Decrypt(_h.EnvironmentWithIdentityFile(), item);
        negative.MaxParallelism = -1;
        Assert.False(negative.Execute());
        Assert.Equal(new[] { "CAGE029" }, engine1.ErrorCodes);

        var (noOutput, engine2) = _h.Decrypt(_h.EnvironmentWithIdentityFile(), TaskHarness.Item(_h.Path("a.age")));
        Assert.False(noOutput.Execute());
        Assert.Equal(new[] { "CAGE029" }, engine2.ErrorCodes);
        Assert.Equal(_h.Path("a.age"), engine2.Errors[0].File);
    }

    [Fact]
    public void No_items_succeed_without_looking_for_age()
    {
        var (task, engine) = _h.Decrypt(_h.Environment());
        task.AgePath = _h.Path("no/such/age");

        Assert.True(task.Execute());
        Assert.Empty(engine.Errors);
        Assert.Empty(task.DecryptedFiles);
    }

    [Fact]
    public void A_cancelled_build_writes_nothing_and_fails()
    {
        var item = TaskHarness.Item(_h.WriteEncrypted("a.age", new byte[] { 1 }), ("OutputPath", _h.Path("out/a")));
        var (task, _) = _h.Decrypt(_h.EnvironmentWithIdentityFile(), item);
        task.Cancel();

        Assert.False(task.Execute());
        Assert.False(File.Exists(_h.Path("out/a")));
        Assert.Empty(task.DecryptedFiles);
    }

    [Fact]
    public void FakeAge_crashing_mid_stream_is_CAGE017_and_leaves_neither_output_nor_temp_file()
    {
        // Fault injection: a fake age that answers --version, writes some output, then kills itself.
        var fakeAge = _h.Write("fake/FakeAgeCrash", System.Text.Encoding.ASCII.GetBytes(
            "#!/bin/sh\nif [ \"$1\" = \"--version\" ]; then echo v1.1.1; exit 0; fi\nhead -c 100 /dev/zero\nkill -9 $$\n"));
        File.SetUnixFileMode(fakeAge, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var item = TaskHarness.Item(_h.WriteEncrypted("a.age", RandomData.Bytes(50_000)), ("OutputPath", _h.Path("out/a")));
        var (task, engine) = _h.Decrypt(_h.EnvironmentWithIdentityFile(), item);
        task.AgePath = fakeAge;

        Assert.False(task.Execute());

        Assert.Equal(new[] { "CAGE017" }, engine.ErrorCodes);
        Assert.Empty(Directory.GetFiles(_h.Path("out")));
    }
}
