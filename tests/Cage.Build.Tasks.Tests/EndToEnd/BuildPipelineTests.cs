using System.Text;
using Cage.Build.Tasks.Tests.Infrastructure;
using Cage.Testing;

namespace Cage.Build.Tasks.Tests.EndToEnd;

/// <summary>
/// One project through a real life: build, no-op rebuild, one secret changed, encrypt without churn, publish,
/// a binlog build with CAGE_IDENTITY, clean. Combined because every dotnet run costs seconds on a small machine.
/// </summary>
[Collection(DotnetBuildCollection.Name)]
public sealed class BuildPipelineTests
{
    private static readonly string[] Quiet = { "-nodeReuse:false", "-tl:off", "-v:m" };
    private static readonly string[] Normal = { "-nodeReuse:false", "-tl:off", "-v:n" };
    private readonly CagePackageFixture _package;

    public BuildPipelineTests(CagePackageFixture package) => _package = package;

    [Fact]
    public void Build_rebuild_publish_binlog_and_clean()
    {
        var workspace = _package.NewWorkspace("pipeline");
        var keys = new Keys(workspace);
        var age = new CountingAge(Path.Combine(workspace, "tools"));
        var settings = Encoding.UTF8.GetBytes("{ \"ConnectionStrings\": { \"Db\": \"Server=prod;Password=s3cr3t-" + Guid.NewGuid() + "\" } }\n");
        var payload = RandomData.Bytes(300_000);
        var licence = Encoding.UTF8.GetBytes("licence for " + Guid.NewGuid() + "\n");
        var blob = RandomData.Bytes(70_000, seed: 9);
        var project = ProjectBuilder.Console("App")
            .PackageReference("Cage.Build", _package.Version)
            .Property("CageAgePath", age.Path)
            .Item("CageDecrypt", "secrets/appsettings.Production.json.age")
            .Item("CageDecrypt", "secrets/payload.bin.age", ("TargetPath", "data/payload.bin"))
            .Item("CageDecrypt", "secrets/appsettings.Production.json.age", ("Link", "config/linked.json"))
            .Item("CageDecrypt", "secrets/build-only.txt.age", ("CopyToOutputDirectory", "Never"), ("CopyToPublishDirectory", "Never"))
            .Item("CageEncrypt", "licence.txt", ("Armor", "true"))
            .Item("CageEncrypt", "blob.dat", ("OutputPath", "encrypted/blob.dat.age"))
            .File("secrets/appsettings.Production.json.age", keys.Encrypt(settings))
            .File("secrets/payload.bin.age", keys.Encrypt(payload))
            .File("secrets/build-only.txt.age", keys.Encrypt(licence))
            .File("licence.txt", licence)
            .File("blob.dat", blob)
            .WriteTo(workspace);

        // 1. First build: decrypted into obj/ (0600) and copied to bin/; encrypted outputs readable by plain age.
        var first = Build(project, keys.WithIdentityFile(), Quiet);
        Assert.DoesNotContain("Cage:", first.Output); // quiet at minimal verbosity
        Assert.Equal(settings, File.ReadAllBytes(project.Bin("appsettings.Production.json")));
        Assert.Equal(payload, File.ReadAllBytes(project.Bin("data/payload.bin")));
        Assert.Equal(settings, File.ReadAllBytes(project.Bin("config/linked.json"))); // Link chooses the place in bin/
        Assert.Equal(licence, File.ReadAllBytes(project.Obj("cage/decrypted/build-only.txt")));
        Assert.False(File.Exists(project.Bin("build-only.txt")), "CopyToOutputDirectory=Never must keep it out of bin/");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(project.Obj("cage/decrypted/appsettings.Production.json")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(project.Bin("appsettings.Production.json"))); // Copy keeps the mode
        Assert.False(File.Exists(project.File("secrets/appsettings.Production.json")), "plaintext must not land in the source tree");
        Assert.Equal(licence, keys.Decrypt(project.File("licence.txt.age")));
        Assert.StartsWith("-----BEGIN AGE ENCRYPTED FILE-----", File.ReadAllText(project.File("licence.txt.age")));
        Assert.Equal(blob, keys.Decrypt(project.File("encrypted/blob.dat.age")));
        Assert.Equal(4, age.Calls().Count(c => c.StartsWith("--decrypt", StringComparison.Ordinal)));
        Assert.Equal(2, age.Calls().Count(c => c.StartsWith("--encrypt", StringComparison.Ordinal)));

        // 2. No-op rebuild: not a single age process (not even age --version).
        var before = age.Calls().Count;
        Build(project, keys.WithIdentityFile(), Quiet);
        Assert.Equal(before, age.Calls().Count);

        // 3. One secret changed: only the two items made from it are decrypted again, one line each at normal verbosity.
        var newSettings = Encoding.UTF8.GetBytes("{ \"rotated\": \"" + Guid.NewGuid() + "\" }\n");
        File.WriteAllBytes(project.File("secrets/appsettings.Production.json.age"), keys.Encrypt(newSettings));
        var licenceCiphertext = File.ReadAllBytes(project.File("licence.txt.age"));
        File.SetLastWriteTimeUtc(project.File("licence.txt"), DateTime.UtcNow.AddSeconds(5)); // touched, same bytes
        before = age.Calls().Count;
        var third = Build(project, keys.WithIdentityFile(), Normal);
        var calls = age.Calls().Skip(before).ToList();
        Assert.Equal(2, calls.Count(c => c.StartsWith("--decrypt", StringComparison.Ordinal)));
        Assert.Equal(0, calls.Count(c => c.StartsWith("--encrypt", StringComparison.Ordinal))); // no re-encryption: no churn
        Assert.Equal(newSettings, File.ReadAllBytes(project.Bin("appsettings.Production.json")));
        var decryptedLines = third.Output.Split('\n').Where(l => l.Contains("Cage: decrypted", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, decryptedLines.Count);
        Assert.All(decryptedLines, l => Assert.Contains("secrets/appsettings.Production.json.age", l));
        Assert.Equal(newSettings, File.ReadAllBytes(project.Bin("config/linked.json")));
        Assert.Contains("Cage: unchanged licence.txt", third.Output);
        Assert.Equal(licenceCiphertext, File.ReadAllBytes(project.File("licence.txt.age")));

        // 4. Publish: the decrypted files are in the publish folder.
        var publishFolder = Path.Combine(workspace, "publish");
        Run(project, keys.WithIdentityFile(), new[] { "publish", "-c", "Release", "-o", publishFolder }.Concat(Quiet));
        Assert.Equal(newSettings, File.ReadAllBytes(Path.Combine(publishFolder, "appsettings.Production.json")));
        Assert.Equal(payload, File.ReadAllBytes(Path.Combine(publishFolder, "data", "payload.bin")));
        Assert.Equal(newSettings, File.ReadAllBytes(Path.Combine(publishFolder, "config", "linked.json")));
        Assert.False(File.Exists(Path.Combine(publishFolder, "build-only.txt")));

        // 5. Rebuild with CAGE_IDENTITY contents and a binlog: decrypts again, and the key is nowhere in the log.
        var binlog = Path.Combine(workspace, "build.binlog");
        var logged = Run(project, keys.WithIdentityContents(), new[] { "build", "--no-incremental", $"-bl:{binlog}" }.Concat(Normal));
        Assert.Equal(4, logged.Output.Split('\n').Count(l => l.Contains("Cage: decrypted", StringComparison.Ordinal)));
        var raw = File.ReadAllBytes(binlog);
        var records = Binlog.Decompressed(binlog);
        Assert.True(Binlog.Contains(records, "CageDecryptFiles"), "the decompressed binlog should hold the build's records");
        foreach (var secret in new[] { keys.SecretKeyLine, keys.SecretKeyLine.ToLowerInvariant(), keys.SecretKeyLine["AGE-SECRET-KEY-1".Length..] })
        {
            Assert.False(Binlog.Contains(raw, secret), "identity found in the raw binlog");
            Assert.False(Binlog.Contains(records, secret), "identity found in the decompressed binlog");
        }
        Assert.DoesNotContain(keys.SecretKeyLine, logged.Output);

        // 6. Clean: decrypted files leave obj/ and bin/; ciphertexts in the source tree stay.
        Run(project, keys.WithIdentityFile(), new[] { "clean" }.Concat(Quiet));
        Assert.False(File.Exists(project.Obj("cage/decrypted/appsettings.Production.json")));
        Assert.False(File.Exists(project.Bin("appsettings.Production.json")));
        Assert.False(File.Exists(project.Bin("data/payload.bin")));
        Assert.True(File.Exists(project.File("licence.txt.age")));
        Assert.True(File.Exists(project.File("encrypted/blob.dat.age")));
        Assert.True(File.Exists(project.File("secrets/payload.bin.age")));
    }

    private static CommandResult Build(GeneratedProject project, IReadOnlyDictionary<string, string?> environment, IEnumerable<string> options) =>
        Run(project, environment, new[] { "build" }.Concat(options));

    private static CommandResult Run(GeneratedProject project, IReadOnlyDictionary<string, string?> environment, IEnumerable<string> arguments) =>
        DotnetCli.Run(project.Folder, arguments, environment).EnsureSuccess();
}
