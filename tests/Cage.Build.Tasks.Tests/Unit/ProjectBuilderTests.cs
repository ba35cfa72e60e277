using System.Xml.Linq;
using Cage.Build.Tasks.Tests.Infrastructure;
using Cage.Testing;

namespace Cage.Build.Tasks.Tests.Unit;

/// <summary>The generator the end-to-end tests rely on writes what it is told, escaped, and isolates its folder.</summary>
public sealed class ProjectBuilderTests : IDisposable
{
    private readonly TempDir _dir = new("cage-builder-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Writes_properties_items_with_metadata_and_files()
    {
        var project = ProjectBuilder.Console("App")
            .Property("CageAgePath", "/opt/a&b/age")
            .PackageReference("Cage.Build", "1.2.3-test.4")
            .Item("CageDecrypt", "secrets/a <b>.json.age", ("TargetPath", "config/a.json"))
            .File("secrets/x.bin", new byte[] { 0, 255 })
            .WriteTo(_dir.Path);

        var xml = XDocument.Load(project.ProjectPath).Root!;
        Assert.Equal("Microsoft.NET.Sdk", xml.Attribute("Sdk")!.Value);
        Assert.Equal("/opt/a&b/age", xml.Descendants("CageAgePath").Single().Value);
        Assert.Equal("net10.0", xml.Descendants("TargetFramework").Single().Value);
        var package = xml.Descendants("PackageReference").Single();
        Assert.Equal(("Cage.Build", "1.2.3-test.4", "all"), (package.Attribute("Include")!.Value, package.Attribute("Version")!.Value, package.Attribute("PrivateAssets")!.Value));
        var item = xml.Descendants("CageDecrypt").Single();
        Assert.Equal("secrets/a <b>.json.age", item.Attribute("Include")!.Value);
        Assert.Equal("config/a.json", item.Attribute("TargetPath")!.Value);
        Assert.Equal(new byte[] { 0, 255 }, File.ReadAllBytes(project.File("secrets/x.bin")));
        Assert.True(File.Exists(project.File("Program.cs")));
        Assert.Equal(Path.Combine(_dir.Path, "App", "App.csproj"), project.ProjectPath);
        Assert.Equal(Path.Combine(_dir.Path, "App", "bin", "Release", "net10.0", "a.json"), project.Bin("a.json", "Release"));
    }

    [Fact]
    public void The_workspace_stops_directory_build_lookups_and_adds_the_feed_to_the_default_sources()
    {
        BuildWorkspace.Prepare(_dir.Path, "/feeds/local", "/cache/packages");

        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            Assert.Empty(XDocument.Load(Path.Combine(_dir.Path, name)).Root!.Elements());
        var config = XDocument.Load(Path.Combine(_dir.Path, "nuget.config")).Root!;
        Assert.Empty(config.Descendants("clear")); // the machine's default sources stay
        var source = config.Element("packageSources")!.Elements("add").Single();
        Assert.Equal("/feeds/local", source.Attribute("value")!.Value);
        var packages = config.Element("config")!.Elements("add").Single();
        Assert.Equal(("globalPackagesFolder", "/cache/packages"), (packages.Attribute("key")!.Value, packages.Attribute("value")!.Value));
        Assert.DoesNotContain("http", File.ReadAllText(Path.Combine(_dir.Path, "nuget.config")));
    }

    [Fact]
    public void The_counting_wrapper_runs_real_age_and_logs_each_start()
    {
        var age = new CountingAge(_dir.File("tools"));

        var version = AgeCli.Run(age.Path, new[] { "--version" }).EnsureSuccess().StdoutText.Trim();
        var keygen = AgeCli.Keygen();
        var ciphertext = AgeCli.Run(age.Path, new[] { "-r", keygen.Recipient }, "hello"u8.ToArray()).EnsureSuccess().Stdout;

        Assert.Equal(AgeCli.Age("--version").StdoutText.Trim(), version);
        Assert.StartsWith("age-encryption.org/v1", System.Text.Encoding.ASCII.GetString(ciphertext));
        Assert.Equal(new[] { "--version", $"-r {keygen.Recipient}" }, age.Calls());
    }
}
