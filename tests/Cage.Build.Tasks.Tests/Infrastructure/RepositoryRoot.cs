namespace Cage.Build.Tasks.Tests.Infrastructure;

/// <summary>The checkout these tests were built from (the folder holding Cage.Build.sln).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Cage.Build.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"Cage.Build.sln not found above {AppContext.BaseDirectory}");
    }
}
