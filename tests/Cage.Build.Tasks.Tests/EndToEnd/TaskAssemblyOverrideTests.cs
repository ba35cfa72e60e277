using Cage.Build.Tasks.Tests.Infrastructure;
using Cage.Testing;

namespace Cage.Build.Tasks.Tests.EndToEnd;

/// <summary>CageTaskAssembly points UsingTask at another build of the tasks (e.g. a local Debug build to debug).</summary>
[Collection(DotnetBuildCollection.Name)]
public sealed class TaskAssemblyOverrideTests
{
    private static readonly string[] Options = { "-t:CageDecryptFiles", "-nodeReuse:false", "-tl:off", "-v:m" };
    private readonly CagePackageFixture _package;

    public TaskAssemblyOverrideTests(CagePackageFixture package) => _package = package;

    [Fact]
    public void CageTaskAssembly_replaces_the_packaged_task_assembly()
    {
        var workspace = _package.NewWorkspace("override");
        var keys = new Keys(workspace);
        var plaintext = RandomData.Bytes(1000);
        var project = ProjectBuilder.Console("Override")
            .PackageReference("Cage.Build", _package.Version)
            .Item("CageDecrypt", "s.bin.age")
            .File("s.bin.age", keys.Encrypt(plaintext))
            .WriteTo(workspace);

        // The task assembly this test run was built against (Debug, beside its Cage.Adapter and CliWrap).
        var local = typeof(CageDecrypt).Assembly.Location;
        var copy = Path.Combine(workspace, "local-tasks");
        Directory.CreateDirectory(copy);
        foreach (var name in new[] { "Cage.Build.Tasks.dll", "Cage.Adapter.dll", "CliWrap.dll" })
            File.Copy(Path.Combine(Path.GetDirectoryName(local)!, name), Path.Combine(copy, name));

        DotnetCli.Run(project.Folder, new[] { "build", $"-p:CageTaskAssembly={Path.Combine(copy, "Cage.Build.Tasks.dll")}" }.Concat(Options), keys.WithIdentityFile()).EnsureSuccess();
        Assert.Equal(plaintext, File.ReadAllBytes(project.Obj("cage/decrypted/s.bin")));

        File.Delete(project.Obj("cage/decrypted/s.bin")); // so the task has work to do and must be loaded
        var missing = Path.Combine(workspace, "nowhere", "Cage.Build.Tasks.dll");
        var failed = DotnetCli.Run(project.Folder, new[] { "build", $"-p:CageTaskAssembly={missing}" }.Concat(Options), keys.WithIdentityFile()).EnsureFailure();
        Assert.Contains("MSB4062", failed.Output);
        Assert.Contains(missing, failed.Output);
    }
}
