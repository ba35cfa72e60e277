using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Cage.Build.Tasks.Tests.Infrastructure;

namespace Cage.Build.Tasks.Tests.EndToEnd;

/// <summary>The nupkg is a development dependency with build/, buildTransitive/ and tasks/, and no MSBuild runtime.</summary>
[Collection(DotnetBuildCollection.Name)]
public sealed class PackageLayoutTests
{
    private readonly CagePackageFixture _package;

    public PackageLayoutTests(CagePackageFixture package) => _package = package;

    [Fact]
    public void The_package_holds_targets_and_task_assemblies_but_no_msbuild_runtime()
    {
        using var zip = ZipFile.OpenRead(_package.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        foreach (var expected in new[]
                 {
                     "build/Cage.Build.props", "build/Cage.Build.targets",
                     "buildTransitive/Cage.Build.props", "buildTransitive/Cage.Build.targets",
                     "tasks/net8.0/Cage.Build.Tasks.dll", "tasks/net8.0/Cage.Adapter.dll", "tasks/net8.0/CliWrap.dll",
                     "tasks/net8.0/BouncyCastle.Cryptography.dll", // the managed engine's X25519, scrypt, RSA-OAEP
                 })
            Assert.Contains(expected, entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.Build", StringComparison.Ordinal));

        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
    }

    [Fact]
    public void The_task_assembly_targets_net8_and_references_msbuild_api_that_sdk8_ships()
    {
        using var zip = ZipFile.OpenRead(_package.PackagePath);
        using var dll = new MemoryStream();
        zip.GetEntry("tasks/net8.0/Cage.Build.Tasks.dll")!.Open().CopyTo(dll);
        dll.Position = 0;
        using var pe = new PEReader(dll);
        var reader = pe.GetMetadataReader();

        var msbuildReferences = reader.AssemblyReferences.Select(reader.GetAssemblyReference)
            .Where(r => reader.GetString(r.Name).StartsWith("Microsoft.Build", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(msbuildReferences);
        // MSBuild's reference assemblies keep version 15.1.0.0 for binding compatibility across 16.x, 17.x and 18.x.
        Assert.All(msbuildReferences, r => Assert.Equal(new Version(15, 1, 0, 0), r.Version));
        var runtime = reader.AssemblyReferences.Select(reader.GetAssemblyReference).Single(r => reader.GetString(r.Name) == "System.Runtime");
        Assert.Equal(8, runtime.Version.Major);
    }

    [Fact]
    public void Every_assembly_in_tasks_runs_on_net8_so_SDK_8_MSBuild_can_load_it()
    {
        using var zip = ZipFile.OpenRead(_package.PackagePath);
        var dlls = zip.Entries.Where(e => e.FullName.StartsWith("tasks/net8.0/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, dlls.Count);
        foreach (var dll in dlls)
        {
            using var bytes = new MemoryStream();
            dll.Open().CopyTo(bytes);
            // The TargetFrameworkAttribute string, e.g. ".NETCoreApp,Version=v7.0".
            var match = Regex.Match(System.Text.Encoding.ASCII.GetString(bytes.ToArray()), @"\.NET(CoreApp|Standard),Version=v(\d+\.\d+)");
            Assert.True(match.Success, $"{dll.FullName} has no target framework attribute");
            if (match.Groups[1].Value == "CoreApp")
                Assert.True(Version.Parse(match.Groups[2].Value) <= new Version(8, 0), $"{dll.FullName} targets {match.Value}");
        }
    }

    [Fact]
    public void The_props_file_of_buildTransitive_imports_build()
    {
        using var zip = ZipFile.OpenRead(_package.PackagePath);
        foreach (var name in new[] { "props", "targets" })
        {
            var xml = XDocument.Load(zip.GetEntry($"buildTransitive/Cage.Build.{name}")!.Open());
            var import = Assert.Single(xml.Root!.Elements("Import"));
            Assert.Equal($"../build/Cage.Build.{name}", import.Attribute("Project")!.Value);
        }
    }
}
