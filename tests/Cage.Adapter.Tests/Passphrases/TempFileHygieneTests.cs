using Cage.Adapter.Engines;
using Cage.Adapter.Passphrases;
using Cage.Testing;
using static Cage.Adapter.Tests.Passphrases.PassphraseKit;

namespace Cage.Adapter.Tests.Passphrases;

/// <summary>What is on disk during and after a run, and that no age process outlives it.</summary>
[Collection(ProcessInspectionCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TempFileHygieneTests
{
    [Fact]
    public async Task Pipe_strategy_puts_nothing_under_CAGE_TEMP_DIR_while_age_runs()
    {
        using var root = new TempDir();
        var plaintext = RandomData.Bytes(50_000);
        await WithTempDirVariable(root.Path, async () =>
        {
            var engine = Engine(StreamingStrategy.Pipe); // TempRoot unset: CAGE_TEMP_DIR applies
            var input = new GatedStream(plaintext, gateAt: 1000);
            using var output = new MemoryStream();
            var run = engine.EncryptAsync(input, output, EncryptOptions.ForPassphrase(Secret));
            Assert.NotNull(await ChildProcesses.WaitForAsync("age", TimeSpan.FromSeconds(20)));
            await Task.Delay(300);
            Assert.Empty(Entries(root.Path));
            input.Release();
            await run;
            Assert.Empty(Entries(root.Path));
            Assert.Equal(plaintext, await DecryptAsync(engine, output.ToArray(), Secret));
        });
        Assert.Empty(Entries(root.Path));
    }

    [Fact]
    public async Task TempFile_strategy_stages_in_a_private_folder_under_CAGE_TEMP_DIR_and_removes_it()
    {
        using var root = new TempDir();
        await WithTempDirVariable(root.Path, async () =>
        {
            var engine = Engine(StreamingStrategy.TempFile);
            var run = EncryptAsync(engine, RandomData.Bytes(50_000), Secret);
            Assert.NotNull(await ChildProcesses.WaitForAsync("age", TimeSpan.FromSeconds(20)));
            var folder = Assert.Single(Directory.GetDirectories(root.Path));
            Assert.StartsWith("cage-", Path.GetFileName(folder));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            var files = Directory.GetFiles(folder);
            Assert.NotEmpty(files);
            Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
            await run;
        });
        Assert.Empty(Entries(root.Path));
        Assert.Empty(ChildProcesses.Find("age"));
    }

    [Theory]
    [InlineData(StreamingStrategy.Pipe)]
    [InlineData(StreamingStrategy.TempFile)]
    public async Task Cancellation_while_age_runs_kills_and_reaps_it_and_removes_temp_files(StreamingStrategy strategy)
    {
        using var root = new TempDir();
        var engine = Engine(strategy, root.Path);
        var plaintext = RandomData.Bytes(20_000);
        using var cancel = new CancellationTokenSource();
        var input = new GatedStream(plaintext, gateAt: plaintext.Length);
        if (strategy == StreamingStrategy.TempFile)
            input.Release(); // staging must finish for age to start; then cancel during its scrypt work
        var run = engine.EncryptAsync(input, new MemoryStream(), EncryptOptions.ForPassphrase(Secret), cancel.Token);

        var pid = await ChildProcesses.WaitForAsync("age", TimeSpan.FromSeconds(20));
        Assert.NotNull(pid);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.False(Directory.Exists($"/proc/{pid}"), "age is still running or was not reaped");
        Assert.Empty(ChildProcesses.Find("age"));
        Assert.Empty(Entries(root.Path));
    }

    [Fact]
    public async Task Cancellation_while_staging_removes_the_staged_input()
    {
        using var root = new TempDir();
        var engine = Engine(StreamingStrategy.TempFile, root.Path);
        using var cancel = new CancellationTokenSource();
        var input = new GatedStream(RandomData.Bytes(10_010), gateAt: 10_000);
        var run = engine.EncryptAsync(input, new MemoryStream(), EncryptOptions.ForPassphrase(Secret), cancel.Token);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Entries(root.Path).Count < 2 && DateTime.UtcNow < deadline)
            await Task.Delay(10);
        Assert.NotEmpty(Entries(root.Path)); // the staged input exists...
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Empty(Entries(root.Path)); // ...and is gone
    }

    [Theory]
    [InlineData(StreamingStrategy.Pipe)]
    [InlineData(StreamingStrategy.TempFile)]
    public async Task After_failure_no_temp_file_and_no_age_remain(StreamingStrategy strategy)
    {
        using var root = new TempDir();
        var engine = Engine(strategy, root.Path);
        var ciphertext = await EncryptAsync(engine, RandomData.Bytes(1000), Secret);
        var error = await Assert.ThrowsAsync<CageException>(() => DecryptAsync(engine, ciphertext, Passphrase.FromString("not it")));
        Assert.Equal(CageErrorCode.IncorrectPassphrase, error.Code);
        Assert.Empty(Entries(root.Path));
        Assert.Empty(ChildProcesses.Find("age"));
    }

    private static async Task WithTempDirVariable(string path, Func<Task> body)
    {
        Environment.SetEnvironmentVariable(CageEnvironmentVariables.TempRoot, path);
        try
        {
            await body();
        }
        finally
        {
            Environment.SetEnvironmentVariable(CageEnvironmentVariables.TempRoot, null);
        }
    }
}
