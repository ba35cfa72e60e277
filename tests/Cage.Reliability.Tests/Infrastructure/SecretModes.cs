namespace Cage.Reliability.Tests;

/// <summary>Permission checks for places secrets may sit: files 0600, private folders 0700.</summary>
public static class SecretModes
{
    public const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Every folder below <paramref name="root"/> is 0700 and every file in them 0600.</summary>
    public static void AssertPrivate(string root)
    {
        foreach (var folder in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories))
            Assert.True(File.GetUnixFileMode(folder) == OwnerFolder, $"{folder} is {File.GetUnixFileMode(folder)}");
        AssertOwnerOnlyFiles(root, _ => true);
    }

    /// <summary>Every file below <paramref name="root"/> whose name matches is 0600.</summary>
    public static void AssertOwnerOnlyFiles(string root, Func<string, bool> matches)
    {
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => matches(Path.GetFileName(f))))
        {
            try
            {
                Assert.True(File.GetUnixFileMode(file) == OwnerFile, $"{file} is {File.GetUnixFileMode(file)}");
            }
            catch (FileNotFoundException)
            {
                // gone between listing and looking (e.g. renamed into place): nothing to check
            }
        }
    }
}
