using Cage.Adapter.Files;
using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>
/// What the next write does with a crash's leftovers beside its destination: removes temp files no live process
/// holds, keeps one a running writer holds, never touches rotation backups or other files' temps.
/// </summary>
public sealed class StaleTempFileTests : IDisposable
{
    private readonly TempDir _work = new("cage-rel-stale-");

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task A_new_write_removes_unheld_leftovers_of_its_destination_only()
    {
        _work.Write(".out.age.cage-deadbeef.tmp", "left by a crash");
        _work.Write(".out.age.cage-rotate-0badcafe.tmp", "left by a crashed rotation");
        _work.Write(".out.age.cage-backup-12345678.tmp", "a rotation backup: maybe the only copy");
        _work.Write(".other.age.cage-deadbeef.tmp", "another file's leftover");

        await using (var file = AtomicFile.Create(_work.File("out.age")))
        {
            file.Stream.Write("new"u8);
            await file.CommitAsync();
        }

        Aftermath.OnlyEntries(_work.Path, ".other.age.cage-deadbeef.tmp", ".out.age.cage-backup-12345678.tmp", "out.age");
    }

    [Fact]
    public async Task A_leftover_that_appears_after_a_write_is_removed_by_a_write_once_the_listing_is_stale()
    {
        await WriteAsync("out.age"); // lists the folder
        _work.Write(".out.age.cage-0badf00d.tmp", "left by a crash after that listing");

        await Task.Delay(TimeSpan.FromMilliseconds(1100)); // a folder is listed at most once a second
        await WriteAsync("out.age");

        Aftermath.OnlyEntries(_work.Path, "out.age");
    }

    private async Task WriteAsync(string name)
    {
        await using var file = AtomicFile.Create(_work.File(name));
        file.Stream.Write("new"u8);
        await file.CommitAsync();
    }

    [Fact]
    public async Task A_temp_file_a_live_writer_holds_is_left_alone()
    {
        await using var first = AtomicFile.Create(_work.File("out.age"));
        first.Stream.Write("first writer"u8);

        await using (var second = AtomicFile.Create(_work.File("out.age")))
        {
            Assert.True(File.Exists(first.TempPath));
            second.Stream.Write("second writer"u8);
            await second.CommitAsync();
        }
        await first.CommitAsync();

        Assert.Equal("first writer", File.ReadAllText(_work.File("out.age")));
        Aftermath.OnlyEntries(_work.Path, "out.age");
    }

    [Fact]
    public void A_temp_file_held_by_another_process_is_left_alone()
    {
        var held = _work.Write(".out.age.cage-0000abcd.tmp", "being written by another process");
        using var holder = new ToolProcess();
        // flock(1) holds an exclusive lock on the file for as long as it runs, as a live writer would.
        using var running = holder.StartProcess("flock", "-x", held, "sleep", "30");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (AgeCli.Run("flock", new[] { "-n", held, "true" }).ExitCode == 0 && DateTime.UtcNow < deadline)
            Thread.Sleep(20); // until the holder has the lock

        using (var file = AtomicFile.Create(_work.File("out.age")))
        {
        }

        Assert.True(File.Exists(held));
    }

    [Fact]
    public void Creating_a_private_folder_removes_those_of_dead_owners_only()
    {
        var root = Directory.CreateDirectory(_work.File("temp-root")).FullName;
        var dead = MakeFolder(root, "cage-0123456789abcdef", withLock: true, age: TimeSpan.FromHours(1));
        var young = MakeFolder(root, "cage-00000000000000aa", withLock: true, age: TimeSpan.Zero); // may be mid-creation
        var noLock = MakeFolder(root, "cage-fedcba9876543210", withLock: false, age: TimeSpan.FromHours(1));
        var foreign = MakeFolder(root, "cage-test-other-tool", withLock: true, age: TimeSpan.FromHours(1));
        using var live = PrivateTempFolder.Create(root);
        File.SetLastWriteTimeUtc(live.Combine(PrivateTempFolder.LockFileName), DateTime.UtcNow.AddHours(-1));

        using var next = PrivateTempFolder.Create(root);

        Assert.False(Directory.Exists(dead));
        Assert.True(Directory.Exists(young));
        Assert.True(Directory.Exists(noLock));
        Assert.True(Directory.Exists(foreign));
        Assert.True(Directory.Exists(live.Path));
        Assert.True(Directory.Exists(next.Path));
    }

    private static string MakeFolder(string root, string name, bool withLock, TimeSpan age)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "input"), "staged plaintext");
        if (withLock)
        {
            var lockFile = Path.Combine(folder, PrivateTempFolder.LockFileName);
            File.WriteAllText(lockFile, "");
            File.SetLastWriteTimeUtc(lockFile, DateTime.UtcNow - age);
        }
        return folder;
    }
}
