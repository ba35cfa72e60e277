using Cage.Build.Tasks.Tests.Infrastructure;
using Cage.Testing;

namespace Cage.Build.Tasks.Tests.EndToEnd;

/// <summary>The README's first command: samples/run-sample.sh packs, builds and publishes the sample with the demo identity.</summary>
[Collection(DotnetBuildCollection.Name)]
public sealed class SampleScriptTests
{
    [Fact]
    public void run_sample_shows_the_decrypted_settings_from_bin_and_publish()
    {
        var sample = Path.Combine(RepositoryRoot.Path, "samples", "SampleApp");
        var expected = AgeCli.Age("-d", "-i", Path.Combine(sample, ".cage", "demo-identity.txt"),
            Path.Combine(sample, "secrets", "appsettings.Production.json.age")).EnsureSuccess().Stdout;

        var result = AgeCli.Run("bash", new[] { Path.Combine(RepositoryRoot.Path, "samples", "run-sample.sh") },
            env: new Dictionary<string, string?> { ["CAGE_IDENTITY"] = null, ["MSBuildSDKsPath"] = null, ["MSBUILD_EXE_PATH"] = null, ["MSBuildExtensionsPath"] = null });

        Assert.True(result.ExitCode == 0, $"run-sample.sh exited {result.ExitCode}:\n{result.StdoutText}\n{result.Stderr}");
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(sample, "bin", "Release", "net10.0", "appsettings.Production.json")));
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(sample, "bin", "publish", "appsettings.Production.json")));
        Assert.Contains("==> decrypted in bin/", result.StdoutText);
        Assert.Contains("==> decrypted in publish/", result.StdoutText);
        Assert.Contains("demo-only-payments-api-key-0042", result.StdoutText);
        Assert.Contains("(from appsettings.Production.json)", result.StdoutText);
        Assert.DoesNotContain("AGE-SECRET-KEY-", result.StdoutText + result.Stderr);
    }
}
