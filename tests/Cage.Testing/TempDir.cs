namespace Cage.Testing;

/// <summary>A throwaway folder for one test, deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    /// <param name="prefix">Start of the folder's name.</param>
    /// <param name="root">Where to create it (e.g. on another file system); default: the system temp folder.</param>
    public TempDir(string? prefix = null, string? root = null)
    {
        Path = System.IO.Path.Combine(root ?? System.IO.Path.GetTempPath(), (prefix ?? "cage-test-") + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, byte[] contents)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, contents);
        return path;
    }

    public string Write(string name, string contents) => Write(name, System.Text.Encoding.UTF8.GetBytes(contents));

    /// <summary>Every file below the folder, relative, sorted.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.GetFiles(Path, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(Path, f)).Order(StringComparer.Ordinal).ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
