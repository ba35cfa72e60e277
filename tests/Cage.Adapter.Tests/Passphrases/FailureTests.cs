using Cage.Adapter.Engines;
using System.Diagnostics;
using Cage.Adapter.Passphrases;
using Cage.Testing;
using static Cage.Adapter.Tests.Passphrases.PassphraseKit;

namespace Cage.Adapter.Tests.Passphrases;

/// <summary>Every way a passphrase run fails ends in a coded error, in time, with nothing left behind.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FailureTests
{
    [Theory]
    [InlineData(StreamingStrategy.Pipe)]
    [InlineData(StreamingStrategy.TempFile)]
    public async Task Wrong_passphrase_is_IncorrectPassphrase_and_writes_nothing(StreamingStrategy strategy)
    {
        using var temp = new TempDir();
        var engine = Engine(strategy, temp.Path);
        var ciphertext = await EncryptAsync(engine, RandomData.Bytes(200_000), Secret);
        using var output = new MemoryStream();
        var error = await Assert.ThrowsAsync<CageException>(() =>
            engine.DecryptAsync(new MemoryStream(ciphertext), output, DecryptOptions.ForPassphrase(Passphrase.FromString("wrong")), default));
        Assert.Equal(CageErrorCode.IncorrectPassphrase, error.Code);
        Assert.DoesNotContain("wrong", error.Message);
        Assert.Equal(0, output.Length);
        Assert.Empty(Entries(temp.Path));
    }

    [Fact]
    public void Empty_passphrase_is_refused_when_created()
    {
        var error = Assert.Throws<CageException>(() => Passphrase.FromString(""));
        Assert.Equal(CageErrorCode.EmptyPassphrase, error.Code);
    }

    [Theory]
    [InlineData(StreamingStrategy.Pipe)]
    [InlineData(StreamingStrategy.TempFile)]
    public async Task Not_an_age_file_is_reported_as_such(StreamingStrategy strategy)
    {
        var error = await Assert.ThrowsAsync<CageException>(() => DecryptAsync(Engine(strategy), "hello, not age\n"u8.ToArray(), Secret));
        Assert.Equal(CageErrorCode.NotAgeFile, error.Code);
    }

    [Fact]
    public async Task Recipient_encrypted_file_does_not_match_a_passphrase()
    {
        var (_, recipient) = AgeCli.Keygen();
        var ciphertext = AgeCli.Age(new byte[] { 1, 2, 3 }, "-r", recipient).EnsureSuccess().Stdout;
        var error = await Assert.ThrowsAsync<CageException>(() => DecryptAsync(Engine(StreamingStrategy.Pipe), ciphertext, Secret));
        Assert.Equal(CageErrorCode.NoIdentityMatched, error.Code);
    }

    [Theory]
    [InlineData(StreamingStrategy.Pipe)]
    [InlineData(StreamingStrategy.TempFile)]
    public async Task Age_that_never_prompts_is_PromptTimeout_within_the_timeout(StreamingStrategy strategy)
    {
        using var temp = new TempDir();
        using var root = new TempDir();
        var fake = FakeAge(temp, "FakeAgeHangs", "sleep 600");
        var engine = Engine(strategy, root.Path, agePath: fake, promptTimeout: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CageException>(() => EncryptAsync(engine, new byte[10], Secret));
        Assert.Equal(CageErrorCode.PromptTimeout, error.Code);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));
        Assert.Empty(Entries(root.Path));
    }

    [Fact]
    public async Task Age_that_prompts_then_hangs_is_Timeout()
    {
        using var temp = new TempDir();
        var fake = FakeAge(temp, "FakeAgeHangsAfterPrompt", "printf 'Enter passphrase: ' > /dev/tty\nread x < /dev/tty\nsleep 600");
        var engine = Engine(StreamingStrategy.Pipe, agePath: fake, timeout: TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CageException>(() => DecryptAsync(engine, new byte[10], Secret));
        Assert.Equal(CageErrorCode.Timeout, error.Code);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Age_killed_by_a_signal_is_AgeCrashed()
    {
        using var temp = new TempDir();
        var fake = FakeAge(temp, "FakeAgeCrashes", "printf 'Enter passphrase: ' > /dev/tty\nread x < /dev/tty\nkill -SEGV $$");
        var error = await Assert.ThrowsAsync<CageException>(() => DecryptAsync(Engine(StreamingStrategy.Pipe, agePath: fake), new byte[10], Secret));
        Assert.Equal(CageErrorCode.AgeCrashed, error.Code);
    }

    [Fact]
    public async Task Age_that_succeeds_without_writing_an_age_file_is_InvalidAgeOutput()
    {
        using var temp = new TempDir();
        var fake = FakeAge(temp, "FakeAgeGarbage",
            "printf 'Enter passphrase (leave empty to autogenerate a secure one): ' > /dev/tty\nread x < /dev/tty\n" +
            "printf 'Confirm passphrase: ' > /dev/tty\nread x < /dev/tty\ncat > /dev/null\necho garbage");
        var error = await Assert.ThrowsAsync<CageException>(() => EncryptAsync(Engine(StreamingStrategy.Pipe, agePath: fake), new byte[10], Secret));
        Assert.Equal(CageErrorCode.InvalidAgeOutput, error.Code);
    }

    [Fact]
    public async Task Age_that_succeeds_without_asking_for_the_passphrase_is_InvalidAgeOutput()
    {
        // Decrypt output cannot be checked for shape, so an age that never asked is caught by the prompt count.
        using var temp = new TempDir();
        var fake = FakeAge(temp, "FakeAgeNeverAsks", "cat");
        var error = await Assert.ThrowsAsync<CageException>(() => DecryptAsync(Engine(StreamingStrategy.Pipe, agePath: fake), new byte[10], Secret));
        Assert.Equal(CageErrorCode.InvalidAgeOutput, error.Code);
    }

    [Fact]
    public async Task Age_that_exits_early_while_we_still_feed_it_is_reported_not_EPIPE()
    {
        // age reads a little, prompts, and fails: our writer must shrug off EPIPE and let age's message win.
        using var temp = new TempDir();
        var fake = FakeAge(temp, "FakeAgeExitsEarly",
            "head -c 10 > /dev/null\nprintf 'Enter passphrase: ' > /dev/tty\nread x < /dev/tty\necho 'age: error: incorrect passphrase' >&2\nexit 1");
        var error = await Assert.ThrowsAsync<CageException>(() => DecryptAsync(Engine(StreamingStrategy.Pipe, agePath: fake), RandomData.Bytes(5_000_000), Secret));
        Assert.Equal(CageErrorCode.IncorrectPassphrase, error.Code);
    }

    [Theory]
    [InlineData(StreamingStrategy.Pipe)]
    [InlineData(StreamingStrategy.TempFile)]
    public async Task Unreadable_input_is_InputUnreadable(StreamingStrategy strategy)
    {
        var error = await Assert.ThrowsAsync<CageException>(() =>
            Engine(strategy).EncryptAsync(new FailingStream(), new MemoryStream(), EncryptOptions.ForPassphrase(Secret)));
        Assert.Equal(CageErrorCode.InputUnreadable, error.Code);
    }

    private sealed class FailingStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(new IOException("disk on fire"));
    }
}
