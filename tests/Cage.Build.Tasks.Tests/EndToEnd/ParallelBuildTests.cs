using System.Text;
using Cage.Build.Tasks.Tests.Infrastructure;
using Cage.Testing;

namespace Cage.Build.Tasks.Tests.EndToEnd;

/// <summary>Two projects decrypting the same and their own secrets, built at once with -m, do not collide.</summary>
[Collection(DotnetBuildCollection.Name)]
public sealed class ParallelBuildTests
{
    private readonly CagePackageFixture _package;

    public ParallelBuildTests(CagePackageFixture package) => _package = package;

    [Fact]
    public void Two_projects_built_in_parallel_each_get_their_plaintexts()
    {
        var workspace = _package.NewWorkspace("parallel");
        var keys = new Keys(workspace);
        var shared = Encoding.UTF8.GetBytes("{ \"shared\": \"" + Guid.NewGuid() + "\" }");
        File.WriteAllBytes(Path.Combine(workspace, "shared.json.age"), keys.Encrypt(shared));
        var own = new Dictionary<string, byte[]>();
        var projects = new List<GeneratedProject>();
        foreach (var name in new[] { "Alpha", "Beta" })
        {
            own[name] = RandomData.Bytes(400_000, seed: name.Length * 31 + name[0]);
            var builder = ProjectBuilder.Console(name)
                .PackageReference("Cage.Build", _package.Version)
                .Item("CageDecrypt", "../shared.json.age", ("TargetPath", "appsettings.Shared.json"));
            for (var i = 0; i < 3; i++)
                builder = builder.Item("CageDecrypt", $"secrets/own{i}.bin.age").File($"secrets/own{i}.bin.age", keys.Encrypt(own[name]));
            projects.Add(builder.WriteTo(workspace));
        }
        File.WriteAllText(Path.Combine(workspace, "all.slnx"),
            "<Solution>\n  <Project Path=\"Alpha/Alpha.csproj\" />\n  <Project Path=\"Beta/Beta.csproj\" />\n</Solution>\n");

        DotnetCli.Run(workspace, new[] { "build", "all.slnx", "-m:2", "-nodeReuse:false", "-tl:off", "-v:m" }, keys.WithIdentityContents()).EnsureSuccess();

        foreach (var project in projects)
        {
            var name = Path.GetFileName(project.Folder);
            Assert.Equal(shared, File.ReadAllBytes(project.Bin("appsettings.Shared.json")));
            for (var i = 0; i < 3; i++)
                Assert.Equal(own[name], File.ReadAllBytes(project.Bin($"own{i}.bin")));
        }
        // No private temp folders or FIFOs left behind in the workspace.
        Assert.DoesNotContain(Directory.GetFiles(workspace, "*.cage-*", SearchOption.AllDirectories), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }
}
