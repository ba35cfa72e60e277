using System.Text.RegularExpressions;
using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>
/// The real dotnet-cage process interrupted during a 100 MiB lock, unlock or rotate: SIGINT (Ctrl+C) cancels
/// cleanly (exit 1, files as before, no temp file, no age left); SIGKILL of the tool itself leaves at most one
/// clearly named temp file, never a half-written destination, and the next run removes it.
/// </summary>
[Collection(BigFilesCollection.Name)]
public sealed partial class ToolInterruptedTests : IDisposable
{
    private readonly BigFiles _big;
    private readonly ToolProcess _tool = new();

    public ToolInterruptedTests(BigFiles big)
    {
        _big = big;
        _tool.Write(".cage/recipients", big.Recipient + "\n");
        _tool.Environment["CAGE_IDENTITY_FILE"] = big.IdentityFile;
        _tool.Environment["CAGE_AGE_PATH"] = FakeAge.PausedAtStart(_tool.Dir.Path); // waits to be found: no race with a fast age
    }

    public void Dispose() => _tool.Dispose();

    [Fact]
    public async Task Sigint_during_lock_exits_1_and_leaves_only_the_original()
    {
        File.Copy(_big.Plaintext, _tool.PathIn("big.bin"));

        var run = await InterruptMidWriteAsync(Signals.SIGINT, "lock", "big.bin");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("cage: cancelled", run.Stderr);
        Aftermath.OnlyEntries(_tool.Work, ".cage", Path.Combine(".cage", "recipients"), "big.bin");
        Assert.Equal(_big.PlaintextHash, Aftermath.Sha256(_tool.PathIn("big.bin")));
        await Aftermath.NoAgeLeftAsync(marker: _big.Recipient);
    }

    [Fact]
    public async Task Sigint_during_unlock_exits_1_and_writes_no_plaintext()
    {
        File.Copy(_big.RecipientCiphertext, _tool.PathIn("big.bin.age"));
        var hash = Aftermath.Sha256(_tool.PathIn("big.bin.age"));

        var run = await InterruptMidWriteAsync(Signals.SIGINT, "unlock", "big.bin.age");

        Assert.True(run.ExitCode == 1, run.ToString());
        Aftermath.OnlyEntries(_tool.Work, ".cage", Path.Combine(".cage", "recipients"), "big.bin.age");
        Assert.Equal(hash, Aftermath.Sha256(_tool.PathIn("big.bin.age")));
        await Aftermath.NoAgeLeftAsync(marker: _big.IdentityFile);
    }

    [Fact]
    public async Task Sigterm_during_rotate_exits_1_and_leaves_the_encrypted_file_as_it_was()
    {
        File.Copy(_big.RecipientCiphertext, _tool.PathIn("big.bin.age"));
        var hash = Aftermath.Sha256(_tool.PathIn("big.bin.age"));
        var (_, newRecipient) = AgeCli.Keygen();

        var run = await InterruptMidWriteAsync(Signals.SIGTERM, "rotate", "-r", newRecipient, "big.bin.age");

        Assert.True(run.ExitCode == 1, run.ToString());
        Aftermath.OnlyEntries(_tool.Work, ".cage", Path.Combine(".cage", "recipients"), "big.bin.age");
        Assert.Equal(hash, Aftermath.Sha256(_tool.PathIn("big.bin.age")));
        await Aftermath.NoAgeLeftAsync(marker: newRecipient);
    }

    [Fact]
    public async Task Sigkill_of_the_tool_mid_lock_leaves_one_named_temp_file_that_the_next_lock_removes()
    {
        File.Copy(_big.Plaintext, _tool.PathIn("big.bin"));

        var killed = await InterruptMidWriteAsync(Signals.SIGKILL, "lock", "big.bin");

        Assert.NotEqual(0, killed.ExitCode);
        await Aftermath.NoAgeLeftAsync(marker: _big.Recipient); // the orphaned age sees EOF / EPIPE and ends
        var left = Aftermath.Entries(_tool.Work).Except(new[] { ".cage", Path.Combine(".cage", "recipients"), "big.bin" }).ToList();
        Assert.Single(left);
        Assert.Matches(CrashLeftover(), left[0]); // never big.bin.age: no half-written destination under the real name
        _tool.Environment.Remove("CAGE_AGE_PATH"); // the next runs use the real age as it is found on PATH

        ToolAssert.Ok(_tool.Run("lock", "big.bin"));

        Aftermath.OnlyEntries(_tool.Work, ".cage", Path.Combine(".cage", "recipients"), "big.bin", "big.bin.age");
        ToolAssert.Ok(_tool.Run("decrypt", "-o", "roundtrip.bin", "big.bin.age"));
        Assert.Equal(_big.PlaintextHash, Aftermath.Sha256(_tool.PathIn("roundtrip.bin")));
    }

    [Fact]
    public async Task Sigkill_of_the_tool_mid_tempfile_lock_leaves_a_private_folder_that_the_next_run_removes()
    {
        var tempRoot = Directory.CreateDirectory(Path.Combine(_tool.Dir.Path, "private-temp")).FullName;
        _tool.Environment["CAGE_TEMP_DIR"] = tempRoot;
        _tool.Environment["CAGE_STREAMING_STRATEGY"] = "tempfile";
        _tool.Environment["CAGE_PASSPHRASE"] = "sigkill tempfile passphrase";
        File.Copy(_big.Plaintext, _tool.PathIn("big.bin"));

        using (var running = _tool.StartTool("lock", "-p", "big.bin"))
        {
            // age runs on the staged copy once staging is done: kill the tool while age writes its output.
            var stopped = await MidStream.StopAgeAsync(running.Pid, () => Aftermath.LargestFile(tempRoot, n => n == "output") > 1024 * 1024, () => running.HasExited);
            Signals.Send(running.Pid, Signals.SIGKILL);
            running.WaitForExit(TimeSpan.FromSeconds(60));
            MidStream.Resume(stopped);
        }
        await Aftermath.NoAgeLeftAsync(marker: tempRoot); // its terminal hung up with us
        var leftover = Assert.Single(Directory.GetDirectories(tempRoot));
        SecretModes.AssertPrivate(tempRoot); // what a crash leaves is still 0600 in 0700
        Assert.False(File.Exists(_tool.PathIn("big.bin.age")));
        // The sweep waits until a lock file is 30 s old (the instant between creating a folder and locking it):
        // age the leftover instead of the test.
        File.SetLastWriteTimeUtc(Path.Combine(leftover, ".cage-owner.lock"), DateTime.UtcNow.AddMinutes(-5));
        _tool.Environment.Remove("CAGE_AGE_PATH");

        _tool.Write("small.txt", "S");
        ToolAssert.Ok(_tool.Run("lock", "-p", "small.txt"));

        Assert.Empty(Directory.GetFileSystemEntries(tempRoot));
    }

    [GeneratedRegex(@"^\.big\.bin\.age\.cage-[0-9a-f]{8}\.tmp$")]
    private static partial Regex CrashLeftover();

    /// <summary>Starts the tool, stops its age once the temp output passes 1 MiB, sends <paramref name="signal"/>, and waits for it to end.</summary>
    private async Task<ToolRun> InterruptMidWriteAsync(int signal, params string[] args)
    {
        using var running = _tool.StartTool(args);
        var stopped = await MidStream.StopAgeAsync(running.Pid,
            () => Aftermath.LargestFile(_tool.Work, Aftermath.IsCageTemp) > 1024 * 1024, () => running.HasExited);
        Signals.Send(running.Pid, signal);
        MidStream.Resume(stopped); // the tool kills age on cancellation; after SIGKILL of the tool, age runs into EOF/EPIPE
        return running.WaitForExit(TimeSpan.FromSeconds(60));
    }
}
