using System.Text;
using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Identities;
using Cage.Adapter.Recipients;
using Cage.Adapter.Tests.Identities;
using Cage.Testing;

namespace Cage.Adapter.Tests.Binary;

/// <summary>
/// File-to-file runs hand the files to age as its stdin and stdout (no pumping). Same contract as the pumped path:
/// byte-exact results, positions honoured, coded errors, no partial output, no secrets in the child, age reaped.
/// </summary>
[Collection(nameof(ProcessEnvironmentCollection))] // inspects and counts child processes: run alone
public sealed class DirectFilesTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly AgeBinaryEngine _engine = new();

    [Fact]
    public async Task Age_starts_at_each_stream_position_and_the_streams_continue_where_age_stopped()
    {
        var (identityFile, recipient) = TestKeys.NewAgeKey(_dir);
        var skipped = RandomData.Bytes(100);
        var plaintext = RandomData.Bytes(300_000);
        var header = Encoding.ASCII.GetBytes("written before age\n");
        _dir.Write("input.bin", skipped.Concat(plaintext).ToArray());

        await using (var input = new FileStream(_dir.File("input.bin"), FileMode.Open, FileAccess.Read))
        await using (var output = new FileStream(_dir.File("out.age"), FileMode.CreateNew, FileAccess.ReadWrite))
        {
            input.Position = skipped.Length;
            output.Write(header); // still in FileStream's buffer: must land before age's bytes
            await _engine.EncryptAsync(input, output, EncryptOptions.ForRecipients(RecipientSet.Empty.Add(recipient)));

            Assert.Equal(input.Length, input.Position);
            output.Write("|trailer"u8);
        }

        var written = File.ReadAllBytes(_dir.File("out.age"));
        Assert.Equal(header, written[..header.Length]);
        Assert.Equal("|trailer"u8.ToArray(), written[^8..]);
        var ciphertext = written[header.Length..^8];
        Assert.Equal(plaintext, AgeCli.Age(ciphertext, "-d", "-i", identityFile).EnsureSuccess().Stdout);
    }

    [Fact]
    public async Task A_write_only_output_is_pumped_instead_and_still_exact()
    {
        var (identityFile, recipient) = TestKeys.NewAgeKey(_dir);
        var plaintext = RandomData.Bytes(150_000);
        var input = _dir.Write("secret.bin", plaintext);

        await using (var source = AgeFileOperations.OpenInput(input))
        await using (var output = new FileStream(_dir.File("out.age"), FileMode.CreateNew, FileAccess.Write))
            await _engine.EncryptAsync(source, output, EncryptOptions.ForRecipients(RecipientSet.Empty.Add(recipient)));

        Assert.Equal(plaintext, AgeCli.Age(File.ReadAllBytes(_dir.File("out.age")), "-d", "-i", identityFile).EnsureSuccess().Stdout);
    }

    [Fact]
    public async Task Direct_and_pumped_runs_give_the_same_plaintext()
    {
        var (identityFile, recipient) = TestKeys.NewAgeKey(_dir);
        var plaintext = RandomData.Bytes(5 * 1024 * 1024 + 17);
        var input = _dir.Write("secret.bin", plaintext);
        var pumped = new AgeBinaryEngine(new AgeBinaryEngineOptions { DirectFiles = false });
        var recipients = EncryptOptions.ForRecipients(RecipientSet.Empty.Add(recipient));
        var identities = DecryptOptions.ForIdentities(IdentitySource.FromFile(identityFile));

        await _engine.EncryptFileAsync(input, _dir.File("direct.age"), recipients);
        await pumped.EncryptFileAsync(input, _dir.File("pumped.age"), recipients);
        await pumped.DecryptFileAsync(_dir.File("direct.age"), _dir.File("direct-then-pumped.bin"), identities);
        await _engine.DecryptFileAsync(_dir.File("pumped.age"), _dir.File("pumped-then-direct.bin"), identities);

        Assert.Equal(plaintext, File.ReadAllBytes(_dir.File("direct-then-pumped.bin")));
        Assert.Equal(plaintext, File.ReadAllBytes(_dir.File("pumped-then-direct.bin")));
    }

    [Fact]
    public async Task A_failing_age_reports_its_code_and_leaves_no_output()
    {
        var (_, recipient) = TestKeys.NewAgeKey(_dir);
        var (otherIdentity, _) = TestKeys.NewAgeKey(_dir, "other.txt");
        var input = _dir.Write("secret.bin", RandomData.Bytes(200_000));
        await _engine.EncryptFileAsync(input, _dir.File("secret.bin.age"), EncryptOptions.ForRecipients(RecipientSet.Empty.Add(recipient)));

        var error = await Assert.ThrowsAsync<CageException>(() => _engine.DecryptFileAsync(
            _dir.File("secret.bin.age"), _dir.File("out.bin"), DecryptOptions.ForIdentities(IdentitySource.FromFile(otherIdentity))));

        Assert.Equal(CageErrorCode.NoIdentityMatched, error.Code);
        Assert.Equal(new[] { "key.txt", "other.txt", "secret.bin", "secret.bin.age" }, _dir.Files());
    }

    [Fact]
    public async Task An_age_that_exits_0_without_an_age_file_is_rejected()
    {
        using var bin = new TempDir();
        var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = FakeAge.Garbage(bin.Path) });
        var (_, recipient) = TestKeys.NewAgeKey(_dir);
        var input = _dir.Write("secret.bin", RandomData.Bytes(10_000));

        var error = await Assert.ThrowsAsync<CageException>(() => engine.EncryptFileAsync(input, _dir.File("secret.bin.age"), EncryptOptions.ForRecipients(RecipientSet.Empty.Add(recipient))));

        Assert.Equal(CageErrorCode.InvalidAgeOutput, error.Code);
        Assert.Equal(new[] { "key.txt", "secret.bin" }, _dir.Files());
    }

    [Fact]
    public async Task A_hanging_age_is_killed_by_the_timeout_and_by_cancellation()
    {
        using var bin = new TempDir();
        var hanging = FakeAge.Hangs(bin.Path);
        var (_, recipient) = TestKeys.NewAgeKey(_dir);
        var input = _dir.Write("secret.bin", RandomData.Bytes(10_000));
        var options = EncryptOptions.ForRecipients(RecipientSet.Empty.Add(recipient));

        var timed = new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = hanging, Timeout = TimeSpan.FromMilliseconds(300) });
        var error = await Assert.ThrowsAsync<CageException>(() => timed.EncryptFileAsync(input, _dir.File("a.age"), options).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(CageErrorCode.Timeout, error.Code);

        var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = hanging });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.EncryptFileAsync(input, _dir.File("b.age"), options, cancel.Token).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Empty(ChildProcesses.Find("sleep", parent: Environment.ProcessId));
        Assert.Empty(ChildProcesses.All());
        Assert.Equal(new[] { "key.txt", "secret.bin" }, _dir.Files());
    }

    [Fact]
    public async Task The_identity_never_reaches_ages_argv_or_environment()
    {
        using var bin = new TempDir();
        var (identity, recipient) = AgeCli.Keygen();
        var secretLine = identity.Split('\n').First(l => l.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal));
        var plaintext = RandomData.Bytes(100_000);
        _dir.Write("secret.age", AgeCli.Age(plaintext, "-r", recipient).EnsureSuccess().Stdout);
        var environment = CageEnvironment.Process.With(new Dictionary<string, string?> { ["CAGE_IDENTITY"] = identity });
        var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = FakeAge.PausedAtStart(bin.Path), Environment = environment });

        Environment.SetEnvironmentVariable("CAGE_IDENTITY", identity); // as on a CI runner: ours, not the child's
        try
        {
            var run = engine.DecryptFileAsync(_dir.File("secret.age"), _dir.File("secret.bin"), DecryptOptions.ForIdentities(IdentityResolver.Resolve(environment: environment)));
            var pid = await ChildProcesses.WaitForAsync(FakeAge.PausedAtStartCommand, TimeSpan.FromSeconds(10));
            Assert.NotNull(pid);
            var child = ChildProcesses.Inspect(pid!.Value)!;
            Assert.DoesNotContain(secretLine, Encoding.UTF8.GetString(child.CmdLine));
            Assert.DoesNotContain(secretLine, Encoding.UTF8.GetString(child.Environ));
            Assert.DoesNotContain("CAGE_IDENTITY=", Encoding.UTF8.GetString(child.Environ));
            Signals.Send(pid.Value, Signals.SIGCONT);
            await run.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CAGE_IDENTITY", null);
        }
        Assert.Equal(plaintext, File.ReadAllBytes(_dir.File("secret.bin")));
    }

    [Fact]
    public async Task Many_direct_runs_leave_no_descriptor_or_child_behind()
    {
        var (identityFile, recipient) = TestKeys.NewAgeKey(_dir);
        var input = _dir.Write("secret.bin", RandomData.Bytes(4096));
        var before = await ChildProcesses.SettledDescriptorCountAsync();

        for (var i = 0; i < 50; i++)
        {
            await _engine.EncryptFileAsync(input, _dir.File("secret.bin.age"), EncryptOptions.ForRecipients(RecipientSet.Empty.Add(recipient)));
            await _engine.DecryptFileAsync(_dir.File("secret.bin.age"), _dir.File("out.bin"), DecryptOptions.ForIdentities(IdentitySource.FromFile(identityFile)));
        }

        Assert.Equal(File.ReadAllBytes(input), File.ReadAllBytes(_dir.File("out.bin")));
        Assert.Empty(ChildProcesses.All());
        Assert.InRange(await ChildProcesses.SettledDescriptorCountAsync(), 0, before + 2);
    }

    public void Dispose() => _dir.Dispose();
}
