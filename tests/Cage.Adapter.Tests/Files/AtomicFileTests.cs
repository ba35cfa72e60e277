using Cage.Adapter.Files;
using Cage.Testing;

namespace Cage.Adapter.Tests.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Destination_appears_only_on_commit()
    {
        var destination = _dir.File("out.txt");
        await using (var file = AtomicFile.Create(destination, PrivateFileOptionsMode))
        {
            await file.Stream.WriteAsync("hello"u8.ToArray());
            Assert.False(File.Exists(destination));
            Assert.True(File.Exists(file.TempPath));
            Assert.Equal(_dir.Path, Path.GetDirectoryName(file.TempPath));
            Assert.Equal(PrivateFileOptionsMode, File.GetUnixFileMode(file.TempPath));
            await file.CommitAsync();
        }
        Assert.Equal("hello", File.ReadAllText(destination));
        Assert.Equal(new[] { "out.txt" }, _dir.Files());
    }

    [Fact]
    public async Task Adopting_a_file_renames_it_into_place_with_the_temp_files_mode()
    {
        var destination = _dir.File("out.txt");
        var elsewhere = _dir.Write("written-by-age.bin", "adopted contents");
        File.SetUnixFileMode(elsewhere, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        await using (var file = AtomicFile.Create(destination, PrivateFileOptionsMode))
        {
            Assert.True(((WritebackFileStream)file.Stream).TryAdopt(elsewhere));
            Assert.False(File.Exists(elsewhere));
            Assert.Equal("adopted contents".Length, file.TempStream.Length);
            Assert.Equal(PrivateFileOptionsMode, File.GetUnixFileMode(file.TempPath));
            await file.Stream.WriteAsync(" and more"u8.ToArray()); // continues after the adopted contents
            await file.CommitAsync();
        }
        Assert.Equal("adopted contents and more", File.ReadAllText(destination));
        Assert.Equal(PrivateFileOptionsMode, File.GetUnixFileMode(destination));
        Assert.Equal(new[] { "out.txt" }, _dir.Files());
    }

    [Fact]
    public async Task Nothing_is_adopted_once_something_was_written_or_from_another_file_system()
    {
        var elsewhere = _dir.Write("written-by-age.bin", "not adopted");
        await using (var file = AtomicFile.Create(_dir.File("a.txt")))
        {
            await file.Stream.WriteAsync("x"u8.ToArray());
            await file.Stream.FlushAsync();
            Assert.False(((WritebackFileStream)file.Stream).TryAdopt(elsewhere));
        }
        Assert.True(Directory.Exists("/dev/shm"), "this test needs /dev/shm (a tmpfs) as a second file system");
        using var otherFileSystem = new TempDir(root: "/dev/shm");
        await using (var file = AtomicFile.Create(otherFileSystem.File("b.txt")))
            Assert.False(((WritebackFileStream)file.Stream).TryAdopt(elsewhere));

        Assert.Equal("not adopted", File.ReadAllText(elsewhere));
        Assert.Empty(otherFileSystem.Files());
    }

    [Fact]
    public async Task Abandoning_keeps_the_old_destination_and_removes_the_temp_file()
    {
        var destination = _dir.Write("out.txt", "old");
        await using (var file = AtomicFile.Create(destination))
            await file.Stream.WriteAsync("new and partial"u8.ToArray());
        Assert.Equal("old", File.ReadAllText(destination));
        Assert.Equal(new[] { "out.txt" }, _dir.Files());
    }

    [Fact]
    public void Missing_folder_or_directory_destination_is_not_writable()
    {
        Assert.Equal(CageErrorCode.OutputNotWritable, Assert.Throws<CageException>(() => AtomicFile.Create(_dir.File("no/such/folder/x"))).Code);
        Directory.CreateDirectory(_dir.File("dir"));
        Assert.Equal(CageErrorCode.OutputNotWritable, Assert.Throws<CageException>(() => AtomicFile.Create(_dir.File("dir"))).Code);
    }

    [Fact]
    public void Replacing_an_existing_file_or_asking_for_it_waits_for_the_disk()
    {
        using (var fresh = AtomicFile.Create(_dir.File("new.txt")))
            Assert.False(fresh.Durable);
        using (var always = AtomicFile.Create(_dir.File("new.txt"), durability: WriteDurability.Always))
            Assert.True(always.Durable);
        using (var replacing = AtomicFile.Create(_dir.Write("old.txt", "old")))
            Assert.True(replacing.Durable);
        Assert.Equal(new[] { "old.txt" }, _dir.Files());
    }

    [Fact]
    public async Task Large_writes_land_intact_through_the_writeback_window()
    {
        var data = RandomData.Bytes(20 * 1024 * 1024 + 123);
        var destination = _dir.Write("big.bin", "old");
        await using (var file = AtomicFile.Create(destination))
        {
            for (var offset = 0; offset < data.Length; offset += 1 << 20)
                await file.Stream.WriteAsync(data.AsMemory(offset, Math.Min(1 << 20, data.Length - offset)));
            await file.CommitAsync();
        }
        Assert.Equal(data, File.ReadAllBytes(destination));
    }

    [Fact]
    public void Private_temp_folder_is_0700_and_removed()
    {
        string path;
        using (var folder = PrivateTempFolder.Create(_dir.Path))
        {
            path = folder.Path;
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(path));
            using (var staged = folder.CreatePrivateFile("staged"))
                staged.WriteByte(1);
            Assert.Equal(PrivateFileOptionsMode, File.GetUnixFileMode(folder.Combine("staged")));
        }
        Assert.False(Directory.Exists(path));
    }

    private const UnixFileMode PrivateFileOptionsMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public void Dispose() => _dir.Dispose();
}
