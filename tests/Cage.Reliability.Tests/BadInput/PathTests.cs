using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>
/// Paths that are not what they seem: folders where files are expected, symlinks leading out of a recursive
/// root, and file names that look like options or hold spaces, quotes and non-ASCII letters.
/// </summary>
public sealed class PathTests : IDisposable
{
    private readonly ToolScene _scene = new();

    public void Dispose() => _scene.Dispose();

    private ToolProcess Tool => _scene.Tool;

    [Fact]
    public void Folders_where_files_are_expected_are_coded_errors_that_write_nothing()
    {
        Directory.CreateDirectory(Tool.PathIn("folder.age"));
        Directory.CreateDirectory(Tool.PathIn("keys"));
        Tool.Write("a.txt", "A");
        ToolAssert.Ok(Tool.Run("lock", "a.txt"));
        Directory.CreateDirectory(Tool.PathIn("out"));
        var before = _scene.Files();

        ToolAssert.Failed(Tool.Run("unlock", "folder.age"), 2, "CAGE030"); // a folder needs --recursive
        ToolAssert.Failed(Tool.Run("decrypt", "folder.age"), 1, "CAGE015");
        ToolAssert.Failed(Tool.Run("decrypt", "-i", "keys", "a.txt.age"), 1, "CAGE007");
        ToolAssert.Failed(Tool.Run("lock", "-R", "keys", "a.txt", "--force"), 1, "CAGE005");
        ToolAssert.Failed(Tool.Run("decrypt", "-o", "out", "a.txt.age"), 1, "CAGE016");

        Assert.Equal(before, _scene.Files());
    }

    [Fact]
    public void Recursive_lock_and_unlock_do_not_follow_symlinks_out_of_the_root()
    {
        var outside = Directory.CreateDirectory(Path.Combine(Tool.Dir.Path, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "outside the root");
        Tool.Write("root/inside.txt", "inside");
        File.CreateSymbolicLink(Tool.PathIn("root/link-to-file.txt"), Path.Combine(outside, "secret.txt"));
        Directory.CreateSymbolicLink(Tool.PathIn("root/link-to-folder"), outside);

        ToolAssert.Ok(Tool.Run("lock", "--recursive", "root", "--remove-original"));

        Assert.Equal(new[] { "secret.txt" }, Directory.GetFiles(outside).Select(Path.GetFileName));
        Assert.True(File.Exists(Tool.PathIn("root/inside.txt.age")));
        Assert.False(File.Exists(Tool.PathIn("root/link-to-file.txt.age")));
        Assert.Equal("outside the root", File.ReadAllText(Path.Combine(outside, "secret.txt")));

        File.Copy(Tool.PathIn("root/inside.txt.age"), Path.Combine(outside, "planted.txt.age"));
        ToolAssert.Ok(Tool.Run("unlock", "--recursive", "root"));
        Assert.False(File.Exists(Path.Combine(outside, "planted.txt")));
        Assert.Equal("inside", File.ReadAllText(Tool.PathIn("root/inside.txt")));
    }

    [Theory]
    [InlineData("-o")]
    [InlineData("--help")]
    [InlineData("-r")]
    [InlineData("name with  spaces.json")]
    [InlineData("it's \"quoted\".txt")]
    [InlineData("ключ-秘密-🔑.json")]
    [InlineData("$(touch pwned).txt")]
    public void Odd_file_names_round_trip_after_a_double_dash(string name)
    {
        Tool.Write(name, "contents of " + name);

        ToolAssert.Ok(Tool.Run("lock", "--remove-original", "--", name));
        Assert.Equal(new[] { name + ".age" }, _scene.Files());
        ToolAssert.Ok(Tool.Run("unlock", "--remove-encrypted", "--", name + ".age"));

        Assert.Equal(new[] { name }, _scene.Files());
        Assert.Equal("contents of " + name, File.ReadAllText(Tool.PathIn(name)));
        Assert.False(File.Exists(Tool.PathIn("pwned")));
    }

    [Fact]
    public void A_name_that_looks_like_an_option_without_a_double_dash_is_a_usage_error_not_a_file_operation()
    {
        Tool.Write("--help", "not help");
        Tool.Write("-o", "not an option");

        var run = Tool.Run("lock", "-o");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(new[] { "--help", "-o" }, _scene.Files());
    }
}
