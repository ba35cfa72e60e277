using Cage.Adapter.Engines;
using Cage.Adapter.Engines.Managed;
using Cage.Adapter.Files;
using Cage.Adapter.Identities;
using Cage.Adapter.Passphrases;
using Cage.Adapter.Recipients;
using Cage.Testing;
using static Cage.Adapter.Tests.Managed.ManagedHarness;

namespace Cage.Adapter.Tests.Managed;

/// <summary>Identity sources, option mismatches, unsupported inputs, cancellation and atomic files with the managed engine.</summary>
public sealed class ManagedEngineBehaviourTests : IDisposable
{
    private static readonly string Key = Fixtures.PathOf("x25519.key");
    private static readonly string Recipient = File.ReadAllLines(Key).First(l => l.StartsWith("# public key: "))["# public key: ".Length..];
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Identity_contents_with_comments_crlf_and_bom_work()
    {
        var contents = "\uFEFF# a comment\r\n\r\n" + File.ReadAllText(Key).Replace("\n", "\r\n");
        var identity = IdentitySource.FromContents(contents, "CAGE_IDENTITY");
        Assert.Equal(Fixtures.Read("hello.txt"), await DecryptAsync(Engine(), Fixtures.Read("x25519-hello.age"), DecryptOptions.ForIdentities(identity)));
    }

    [Fact]
    public async Task Identity_file_with_a_bom_and_several_keys_works()
    {
        var both = "\uFEFF" + File.ReadAllText(Fixtures.PathOf("x25519-other.key")) + File.ReadAllText(Key);
        var path = _dir.Write("keys.txt", both);
        Assert.Equal(Fixtures.Read("hello.txt"), await DecryptAsync(Engine(), Fixtures.Read("x25519-hello.age"), With(path)));
    }

    [Fact]
    public async Task Malformed_identity_is_invalid_and_not_echoed()
    {
        var path = _dir.Write("bad.txt", "AGE-SECRET-KEY-1NOTAREALKEYATALLXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n");
        var e = await Assert.ThrowsAsync<CageException>(() => DecryptAsync(Engine(), Fixtures.Read("x25519-hello.age"), With(path)));
        Assert.Equal(CageErrorCode.InvalidIdentity, e.Code);
        Assert.DoesNotContain("NOTAREALKEY", e.Message);
    }

    [Fact]
    public async Task Missing_identity_file_is_invalid_identity() =>
        Assert.Equal(CageErrorCode.InvalidIdentity, await DecryptErrorAsync(Engine(), Fixtures.Read("x25519-hello.age"), With(_dir.File("missing.txt"))));

    [Fact]
    public async Task Plugin_identities_need_the_binary()
    {
        var path = _dir.Write("plugin.txt", "AGE-PLUGIN-YUBIKEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ\n");
        Assert.Equal(CageErrorCode.ManagedEngineUnsupported, await DecryptErrorAsync(Engine(), Fixtures.Read("x25519-hello.age"), With(path)));
    }

    [Fact]
    public async Task Passphrase_protected_ssh_keys_need_the_binary()
    {
        var path = _dir.File("id_protected");
        var keygen = Adapter.Binary.AgeLocator.SearchPath("ssh-keygen", Environment.GetEnvironmentVariable("PATH"))!;
        AgeCli.Run(keygen, new[] { "-q", "-t", "ed25519", "-N", "secret", "-f", path }).EnsureSuccess();
        Assert.Equal(CageErrorCode.ManagedEngineUnsupported, await DecryptErrorAsync(Engine(), Fixtures.Read("ssh-ed25519-hello.age"), With(path)));
    }

    [Fact]
    public async Task No_identities_and_no_recipients_are_refused()
    {
        Assert.Equal(CageErrorCode.NoIdentity, await DecryptErrorAsync(Engine(), Fixtures.Read("x25519-hello.age"), DecryptOptions.ForIdentities()));
        var e = await Assert.ThrowsAsync<CageException>(() => EncryptAsync(Engine(), new byte[1], EncryptOptions.ForRecipients(RecipientSet.Empty)));
        Assert.Equal(CageErrorCode.NoRecipients, e.Code);
    }

    [Fact]
    public async Task Passphrase_and_key_files_are_not_mixed_up()
    {
        var secret = Passphrase.FromString("hunter2");
        var scryptFile = await EncryptAsync(Engine(workFactor: 4), RandomData.Bytes(10), EncryptOptions.ForPassphrase(secret));
        Assert.Equal(CageErrorCode.NoIdentityMatched, await DecryptErrorAsync(Engine(), scryptFile, With(Key)));
        Assert.Equal(CageErrorCode.NoIdentityMatched, await DecryptErrorAsync(Engine(), Fixtures.Read("x25519-hello.age"), DecryptOptions.ForPassphrase(secret)));
    }

    [Fact]
    public async Task Cancellation_stops_both_paths()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        foreach (var parallelism in new[] { 1, 2 })
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                Engine(parallelism).EncryptAsync(new MemoryStream(RandomData.Bytes(5_000_000)), new MemoryStream(), To(Recipient), cancelled.Token));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                Engine(parallelism).DecryptAsync(new MemoryStream(Fixtures.Read("x25519-pattern.age")), new MemoryStream(), With(Key), cancelled.Token));
        }
    }

    [Fact]
    public async Task Cancellation_mid_stream_stops_the_parallel_pipeline()
    {
        var gated = new GatedStream(RandomData.Bytes(8_000_000), gateAt: 3_000_000);
        using var cancellation = new CancellationTokenSource();
        var run = Engine(parallelism: 2).EncryptAsync(gated, new MemoryStream(), To(Recipient), cancellation.Token);
        await gated.ReachedGate.WaitAsync(TimeSpan.FromSeconds(30));
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task Failed_decrypt_leaves_no_output_file()
    {
        var corrupt = Fixtures.Read("x25519-pattern.age");
        corrupt[^5] ^= 1;
        var input = _dir.Write("corrupt.age", corrupt);
        var output = _dir.File("out.bin");
        var e = await Assert.ThrowsAsync<CageException>(() => Engine().DecryptFileAsync(input, output, With(Key)));
        Assert.Equal(CageErrorCode.PayloadCorrupted, e.Code);
        Assert.Equal(new[] { "corrupt.age" }, _dir.Files());
    }

    [Fact]
    public async Task Decrypted_file_is_private_and_right()
    {
        var output = _dir.File("out.bin");
        await Engine().DecryptFileAsync(Fixtures.PathOf("x25519-pattern-armor.age"), output, With(Key));
        Assert.Equal(Fixtures.Pattern65537(), File.ReadAllBytes(output));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(output));
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ManagedAgeEngine(new ManagedEngineOptions { Parallelism = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ManagedAgeEngine(new ManagedEngineOptions { WorkFactor = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ManagedAgeEngine(new ManagedEngineOptions { MaxWorkFactor = 64 }));
        Assert.True(ManagedAgeEngine.IsSupported);
    }

    public void Dispose() => _dir.Dispose();
}
