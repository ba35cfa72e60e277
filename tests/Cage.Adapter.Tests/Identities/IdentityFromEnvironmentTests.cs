using System.Text;
using Cage.Adapter.Engines;
using Cage.Adapter.Identities;
using Cage.Adapter.Recipients;
using Cage.Testing;

namespace Cage.Adapter.Tests.Identities;

/// <summary>Sets process environment variables, so runs alone.</summary>
[CollectionDefinition(nameof(ProcessEnvironmentCollection), DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
}

[Collection(nameof(ProcessEnvironmentCollection))]
public sealed class IdentityFromEnvironmentTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly TempDir _tempRoot = new("cage-root-");

    [Fact]
    public async Task Identity_contents_reach_age_but_never_its_argv_environment_or_disk()
    {
        var (identity, recipient) = AgeCli.Keygen();
        var secretLine = identity.Split('\n').First(l => l.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal));
        var plaintext = RandomData.Bytes(3 * 1024 * 1024);
        var ciphertext = AgeCli.Age(plaintext, "-r", recipient).EnsureSuccess().Stdout;

        // The secret is in *our* environment, as on a CI runner; the child must not inherit it.
        Environment.SetEnvironmentVariable("CAGE_IDENTITY", identity);
        try
        {
            var environment = CageEnvironment.Process.With(new Dictionary<string, string?>
            {
                ["CAGE_IDENTITY"] = identity,
                ["CAGE_TEMP_DIR"] = _tempRoot.Path,
            });
            var identities = IdentityResolver.Resolve(environment: environment);
            var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { Environment = environment });

            var input = new GatedStream(ciphertext, gateAt: 1024 * 1024);
            var output = new MemoryStream();
            var run = engine.DecryptAsync(input, output, DecryptOptions.ForIdentities(identities));

            await input.ReachedGate.WaitAsync(TimeSpan.FromSeconds(30));
            var pid = await ChildProcesses.WaitForAsync("age", TimeSpan.FromSeconds(10));
            Assert.NotNull(pid);
            var child = ChildProcesses.Inspect(pid!.Value);
            Assert.NotNull(child);
            AssertAbsent(secretLine, child!.CmdLine, "argv");
            AssertAbsent(secretLine, child.Environ, "environment");
            Assert.DoesNotContain("CAGE_IDENTITY=", Encoding.UTF8.GetString(child.Environ));
            AssertNoFileHolds(secretLine, _tempRoot.Path);

            input.Release();
            await run.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(plaintext, output.ToArray());
        }
        finally
        {
            Environment.SetEnvironmentVariable("CAGE_IDENTITY", null);
        }

        Assert.Empty(Directory.GetFileSystemEntries(_tempRoot.Path));
    }

    [Fact]
    public async Task Private_folder_is_removed_after_a_failure_too()
    {
        var (identity, _) = AgeCli.Keygen();
        var environment = CageEnvironment.Process.With(new Dictionary<string, string?> { ["CAGE_TEMP_DIR"] = _tempRoot.Path });
        var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { Environment = environment });
        var error = await Assert.ThrowsAsync<CageException>(() => engine.DecryptAsync(
            new MemoryStream(RandomData.Bytes(100)), Stream.Null, DecryptOptions.ForIdentities(IdentitySource.FromContents(identity, "CAGE_IDENTITY"))));
        Assert.Equal(CageErrorCode.NotAgeFile, error.Code);
        Assert.Empty(Directory.GetFileSystemEntries(_tempRoot.Path));
    }

    [Fact]
    public void Invalid_contents_are_rejected_without_echoing_them()
    {
        const string notAKey = "hunter2-this-is-not-a-key";
        var error = Assert.Throws<CageException>(() => IdentitySource.FromContents(notAKey, "CAGE_IDENTITY"));
        Assert.Equal(CageErrorCode.InvalidIdentity, error.Code);
        Assert.DoesNotContain(notAKey, error.ToString());
        Assert.Contains("CAGE_IDENTITY", error.Message);
    }

    [Fact]
    public void Resolution_order_and_no_identity_names_what_was_tried()
    {
        var (identity, _) = AgeCli.Keygen();
        var keyFile = _dir.Write("keys.txt", identity);
        var explicitFile = IdentityResolver.Resolve(new[] { keyFile }, CageEnvironment.FromDictionary(new Dictionary<string, string?> { ["CAGE_IDENTITY"] = identity }));
        Assert.Equal(keyFile, Assert.IsType<IdentityFile>(Assert.Single(explicitFile)).Path);

        var fromEnv = IdentityResolver.Resolve(environment: CageEnvironment.FromDictionary(new Dictionary<string, string?> { ["CAGE_IDENTITY"] = identity, ["CAGE_IDENTITY_FILE"] = keyFile }));
        Assert.Equal(new[] { "CAGE_IDENTITY", keyFile }, fromEnv.Select(s => s.Description));

        var xdg = CageEnvironment.FromDictionary(new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = _dir.Path });
        Assert.Equal(Path.Combine(_dir.Path, "cage", "keys.txt"), IdentityResolver.DefaultKeyFile(xdg));
        var error = Assert.Throws<CageException>(() => IdentityResolver.Resolve(environment: xdg));
        Assert.Equal(CageErrorCode.NoIdentity, error.Code);
        Assert.Contains("CAGE_IDENTITY_FILE", error.Message);
        Assert.Contains(Path.Combine(_dir.Path, "cage", "keys.txt"), error.Message);

        _dir.Write("cage/keys.txt", identity);
        Assert.Single(IdentityResolver.Resolve(environment: xdg));
    }

    private static void AssertAbsent(string secret, byte[] haystack, string what)
    {
        var text = Encoding.UTF8.GetString(haystack);
        Assert.False(text.Contains(secret, StringComparison.Ordinal), $"the identity appears in the child's {what}");
        Assert.False(text.Contains(secret[16..40], StringComparison.OrdinalIgnoreCase), $"part of the identity appears in the child's {what}");
    }

    private static void AssertNoFileHolds(string secret, string root)
    {
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var info = new FileInfo(path);
            if ((info.Attributes & FileAttributes.Device) != 0 || info.UnixFileMode == 0)
                continue;
            // FIFOs hold nothing at rest; regular files must not hold the secret.
            if (File.ResolveLinkTarget(path, false) is null && new FileInfo(path).Length > 0)
                Assert.DoesNotContain(secret, File.ReadAllText(path));
        }
    }

    public void Dispose()
    {
        _dir.Dispose();
        _tempRoot.Dispose();
    }
}
