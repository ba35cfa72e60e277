using Cage.Adapter;
using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Identities;
using Cage.Adapter.Recipients;
using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>
/// A fake age that hangs, prints garbage, or exits 0 with its output cut short or padded: every case is a coded
/// error and the destination is never committed. The length checks hold for binary age files written to files
/// (lock, unlock, CageDecrypt, CageEncrypt); a decrypted output of the right length is taken as age wrote it
/// (docs/security.md says so).
/// </summary>
public sealed class AgeMisbehavesTests : IDisposable
{
    private readonly TempDir _work = new("cage-rel-fake-");
    private readonly string _identityFile;
    private readonly string _recipient;
    private readonly string _plaintext;
    private readonly string _ciphertext;
    private readonly string _fakes;

    public AgeMisbehavesTests()
    {
        _fakes = Directory.CreateDirectory(_work.File("fakes")).FullName;
        (_identityFile, _recipient) = TestKeys.NewAgeKey(_work, "keys/key.txt");
        _plaintext = _work.Write("data/plain.bin", RandomData.Bytes(1024 * 1024 + 123));
        _ciphertext = _work.File("data/cipher.age");
        new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = AgeCli.AgePath })
            .EncryptFileAsync(_plaintext, _ciphertext, Encrypt).GetAwaiter().GetResult();
    }

    public void Dispose() => _work.Dispose();

    private EncryptOptions Encrypt => EncryptOptions.ForRecipients(RecipientSet.Empty.Add(_recipient));

    private DecryptOptions Decrypt => DecryptOptions.ForIdentities(IdentitySource.FromFile(_identityFile));

    private string Data => Path.GetDirectoryName(_plaintext)!;

    [Fact]
    public async Task Hanging_age_is_stopped_by_the_timeout_and_the_old_destination_stays()
    {
        var destination = _work.Write("data/out.age", "old ciphertext");
        var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = FakeAge.Hangs(_fakes), Timeout = TimeSpan.FromSeconds(1) });

        var error = await Assert.ThrowsAsync<CageException>(() => engine.EncryptFileAsync(_plaintext, destination, Encrypt).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(CageErrorCode.Timeout, error.Code);
        Assert.Equal("old ciphertext", File.ReadAllText(destination));
        Aftermath.OnlyEntries(Data, "cipher.age", "out.age", "plain.bin");
        Assert.Empty(ChildProcesses.WithArgument(_fakes)); // exec sleep: the one process was killed, nothing orphaned
    }

    [Fact]
    public async Task Hanging_age_while_decrypting_is_stopped_by_the_timeout()
    {
        var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = FakeAge.Hangs(_fakes), Timeout = TimeSpan.FromSeconds(1) });

        var error = await Assert.ThrowsAsync<CageException>(() => engine.DecryptFileAsync(_ciphertext, _work.File("data/out.bin"), Decrypt).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(CageErrorCode.Timeout, error.Code);
        Aftermath.OnlyEntries(Data, "cipher.age", "plain.bin");
        Assert.Empty(ChildProcesses.Find("sleep"));
    }

    [Fact]
    public async Task Garbage_instead_of_ciphertext_is_InvalidAgeOutput()
    {
        var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = FakeAge.Garbage(_fakes) });

        var error = await Assert.ThrowsAsync<CageException>(() => engine.EncryptFileAsync(_plaintext, _work.File("data/out.age"), Encrypt));

        Assert.Equal(CageErrorCode.InvalidAgeOutput, error.Code);
        Aftermath.OnlyEntries(Data, "cipher.age", "plain.bin");
    }

    [Fact]
    public async Task Garbage_instead_of_plaintext_is_InvalidAgeOutput_by_its_length()
    {
        var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = FakeAge.Garbage(_fakes) });

        var error = await Assert.ThrowsAsync<CageException>(() => engine.DecryptFileAsync(_ciphertext, _work.File("data/out.bin"), Decrypt));

        Assert.Equal(CageErrorCode.InvalidAgeOutput, error.Code);
        Aftermath.OnlyEntries(Data, "cipher.age", "plain.bin");
    }

    [Theory]
    [InlineData(1)] // the last tag cut short
    [InlineData(70_000)] // a whole chunk missing: the file still starts like age
    public async Task Truncated_ciphertext_from_an_age_that_exits_0_is_InvalidAgeOutput(int missing)
    {
        var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = FakeAge.Truncating(_fakes, missing) });

        var error = await Assert.ThrowsAsync<CageException>(() => engine.EncryptFileAsync(_plaintext, _work.File("data/out.age"), Encrypt));

        Assert.Equal(CageErrorCode.InvalidAgeOutput, error.Code);
        Aftermath.OnlyEntries(Data, "cipher.age", "plain.bin");
    }

    [Fact]
    public async Task Padded_ciphertext_from_an_age_that_exits_0_is_InvalidAgeOutput()
    {
        var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = FakeAge.Padding(_fakes, 10) });

        var error = await Assert.ThrowsAsync<CageException>(() => engine.EncryptFileAsync(_plaintext, _work.File("data/out.age"), Encrypt));

        Assert.Equal(CageErrorCode.InvalidAgeOutput, error.Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(65_536)]
    public async Task Truncated_plaintext_from_an_age_that_exits_0_is_InvalidAgeOutput(int missing)
    {
        var destination = _work.Write("data/out.bin", "old plaintext");
        var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = FakeAge.Truncating(_fakes, missing) });

        var error = await Assert.ThrowsAsync<CageException>(() => engine.DecryptFileAsync(_ciphertext, destination, Decrypt));

        Assert.Equal(CageErrorCode.InvalidAgeOutput, error.Code);
        Assert.Equal("old plaintext", File.ReadAllText(destination));
        Aftermath.OnlyEntries(Data, "cipher.age", "out.bin", "plain.bin");
    }

    [Fact]
    public async Task The_length_checks_accept_what_the_real_age_writes_at_chunk_boundaries()
    {
        // Guards the arithmetic the checks above rely on: empty, one byte, exactly one chunk, one chunk and a byte.
        var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = AgeCli.AgePath });
        foreach (var size in new[] { 0, 1, 65_535, 65_536, 65_537, 2 * 65_536 })
        {
            var plain = _work.Write($"sizes/{size}.bin", RandomData.Bytes(size));
            await engine.EncryptFileAsync(plain, plain + ".age", Encrypt);
            await engine.DecryptFileAsync(plain + ".age", plain + ".out", Decrypt);
            Assert.Equal(File.ReadAllBytes(plain), File.ReadAllBytes(plain + ".out"));
        }
    }

    [Fact]
    public async Task A_FIFO_input_has_no_length_to_check_and_still_round_trips()
    {
        var fifo = _work.File("data/input.fifo");
        AgeCli.Run("mkfifo", new[] { fifo }).EnsureSuccess();
        var plaintext = RandomData.Bytes(300_000);
        var writer = Task.Run(() => File.WriteAllBytes(fifo, plaintext));
        var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = AgeCli.AgePath });

        await engine.EncryptFileAsync(fifo, _work.File("data/fifo.age"), Encrypt).WaitAsync(TimeSpan.FromSeconds(30));
        await writer;
        await engine.DecryptFileAsync(_work.File("data/fifo.age"), _work.File("data/fifo.out"), Decrypt);

        Assert.Equal(plaintext, File.ReadAllBytes(_work.File("data/fifo.out")));
    }

    [Fact]
    public void Tool_unlock_with_an_age_that_truncates_fails_with_CAGE020_and_writes_no_plaintext()
    {
        using var tool = new ToolProcess();
        File.Copy(_ciphertext, tool.PathIn("secret.bin.age"));
        tool.Environment["CAGE_IDENTITY_FILE"] = _identityFile;
        tool.Environment["CAGE_AGE_PATH"] = FakeAge.Truncating(_fakes, 100);

        var run = tool.Run("unlock", "secret.bin.age", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("CAGE020", run.Json.GetProperty("files")[0].GetProperty("error").GetProperty("code").GetString());
        Aftermath.OnlyEntries(tool.Work, "secret.bin.age");
    }
}
