using System.Runtime.CompilerServices;

namespace Cage.Adapter.Tests.Managed;

/// <summary>The known-answer files in Managed/Fixtures (made by real age; see its README), read from the source tree.</summary>
internal static class Fixtures
{
    public static string Folder { get; } = Locate();

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>The 65537-byte plaintext of the pattern fixtures: i % 251.</summary>
    public static byte[] Pattern65537() => Enumerable.Range(0, 65537).Select(i => (byte)(i % 251)).ToArray();

    private static string Locate([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Fixtures");
}
