namespace Cage.Build.Tasks.Tests.Infrastructure;

/// <summary>
/// Packs Cage.Build once per test run with a unique version into a temp feed, and restores into a per-run
/// packages folder: NuGet's global cache can never serve a stale package.
/// </summary>
public sealed class CagePackageFixture : IDisposable
{
    public CagePackageFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "cage-e2e-" + Guid.NewGuid().ToString("N")[..10]);
        Feed = Path.Combine(Root, "feed");
        PackagesFolder = Path.Combine(Root, "packages");
        Version = $"0.1.0-test.{DateTime.UtcNow.Ticks}";
        DotnetCli.Run(RepositoryRoot.Path, new[]
        {
            "pack", Path.Combine("src", "Cage.Build.Tasks", "Cage.Build.Tasks.csproj"), "-c", "Release", "-o", Feed,
            $"-p:PackageVersion={Version}", "-nodeReuse:false", "-tl:off", "-v:q",
        }).EnsureSuccess();
        if (!File.Exists(PackagePath))
            throw new InvalidOperationException($"pack did not produce {PackagePath}");
    }

    public string Root { get; }
    public string Feed { get; }
    public string PackagesFolder { get; }
    public string Version { get; }
    public string PackagePath => Path.Combine(Feed, $"Cage.Build.{Version}.nupkg");

    /// <summary>A fresh isolated folder for one test's projects.</summary>
    public string NewWorkspace(string name)
    {
        var folder = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..6]);
        BuildWorkspace.Prepare(folder, Feed, PackagesFolder);
        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DotnetBuildCollection : ICollectionFixture<CagePackageFixture>
{
    public const string Name = "real dotnet build";
}
