using Cage.Adapter.Engines;
using Cage.Adapter.Engines.Managed;
using Cage.Adapter.Keys;
using Cage.Testing;
using static Cage.Adapter.Tests.Managed.ManagedHarness;

namespace Cage.Adapter.Tests.Managed;

/// <summary>CAGE_ENGINE / explicit choice → engine; auto falls back to managed only when age is simply absent.</summary>
public sealed class EngineSelectionTests : IDisposable
{
    private readonly TempDir _dir = new();

    private static AgeBinaryEngineOptions Env(params (string Key, string? Value)[] variables) => new()
    {
        Environment = CageEnvironment.FromDictionary(variables.ToDictionary(v => v.Key, v => v.Value)),
    };

    private static readonly (string, string?) RealPath = ("PATH", Environment.GetEnvironmentVariable("PATH"));
    private static readonly (string, string?) EmptyPath = ("PATH", "/nonexistent-cage-test");

    [Fact]
    public void Auto_uses_age_when_found_and_managed_when_not()
    {
        Assert.IsType<AgeBinaryEngine>(EngineSelector.Create(null, Env(RealPath)));
        Assert.IsType<ManagedAgeEngine>(EngineSelector.Create(null, Env(EmptyPath)));
        Assert.IsType<ManagedAgeEngine>(EngineSelector.Create("auto", Env(EmptyPath)));
    }

    [Fact]
    public void Explicit_choice_beats_the_variable()
    {
        Assert.IsType<ManagedAgeEngine>(EngineSelector.Create(null, Env(RealPath, ("CAGE_ENGINE", "managed"))));
        Assert.IsType<AgeBinaryEngine>(EngineSelector.Create("age", Env(RealPath, ("CAGE_ENGINE", "managed"))));
        Assert.IsType<ManagedAgeEngine>(EngineSelector.Create("MANAGED", Env(RealPath, ("CAGE_ENGINE", "age"))));
    }

    [Fact]
    public void Age_requested_without_age_is_age_not_found()
    {
        var e = Assert.Throws<CageException>(() => EngineSelector.Create("age", Env(EmptyPath)));
        Assert.Equal(CageErrorCode.AgeNotFound, e.Code);
    }

    [Fact]
    public void A_broken_configured_age_path_is_not_silently_replaced()
    {
        var e = Assert.Throws<CageException>(() => EngineSelector.Create(null, Env(EmptyPath, ("CAGE_AGE_PATH", "/nonexistent/age"))));
        Assert.Equal(CageErrorCode.AgeNotFound, e.Code);
    }

    [Theory]
    [InlineData("rage")]
    [InlineData("binary")]
    public void Unknown_engine_is_invalid(string name)
    {
        Assert.Equal(CageErrorCode.InvalidEngine, Assert.Throws<CageException>(() => EngineSelector.Create(name, Env(RealPath))).Code);
        Assert.Equal(CageErrorCode.InvalidEngine, Assert.Throws<CageException>(() => EngineSelector.Create(null, Env(RealPath, ("CAGE_ENGINE", name)))).Code);
    }

    [Fact]
    public void Scrypt_limit_comes_from_the_environment()
    {
        var engine = Assert.IsType<ManagedAgeEngine>(EngineSelector.Create("managed", Env(RealPath, ("CAGE_SCRYPT_MAX_WORK_FACTOR", "25"))));
        Assert.Equal(25, engine.Options.MaxWorkFactor);
        Assert.Equal(22, Assert.IsType<ManagedAgeEngine>(EngineSelector.Create("managed", Env(RealPath))).Options.MaxWorkFactor);
        foreach (var bad in new[] { "31", "0", "-3", "lots" })
        {
            var e = Assert.Throws<CageException>(() => EngineSelector.Create("managed", Env(RealPath, ("CAGE_SCRYPT_MAX_WORK_FACTOR", bad))));
            Assert.Equal(CageErrorCode.InvalidConfiguration, e.Code);
        }
    }

    [Fact]
    public void Describe_says_which_and_why()
    {
        Assert.Equal("managed (auto: age binary not found)", EngineSelector.Describe(null, Env(EmptyPath)));
        Assert.Equal("age (auto: age binary found)", EngineSelector.Describe(null, Env(RealPath)));
        Assert.Equal("managed (requested)", EngineSelector.Describe("managed", Env(RealPath)));
    }

    [Fact]
    public async Task Managed_keygen_key_works_with_age_and_age_keygen_agrees()
    {
        var keygen = KeyGenerators.Create("managed");
        Assert.IsType<ManagedKeygen>(keygen);
        var key = await keygen.GenerateAsync(_dir.File("sub/key.txt"), overwrite: false);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key.Path));
        Assert.Equal(key.Recipient, AgeCli.Run(AgeCli.KeygenPath, new[] { "-y", key.Path }).EnsureSuccess().StdoutText.Trim());
        Assert.Equal(new[] { key.Recipient }, await keygen.DeriveRecipientsAsync(key.Path));
        var (_, ageRecipient) = TestKeys.NewAgeKey(_dir, "age.txt");
        Assert.Equal(new[] { ageRecipient }, await keygen.DeriveRecipientsAsync(_dir.File("age.txt")));

        var plaintext = RandomData.Bytes(1234);
        var path = _dir.Write("x.age", AgeCli.Age(plaintext, "-r", key.Recipient).EnsureSuccess().Stdout);
        Assert.Equal(plaintext, await DecryptAsync(Engine(), File.ReadAllBytes(path), With(key.Path)));
        Assert.Equal(plaintext, AgeCli.Age("-d", "-i", key.Path, _dir.Write("y.age", await EncryptAsync(Engine(), plaintext, To(key.Recipient)))).EnsureSuccess().Stdout);
    }

    [Fact]
    public async Task Managed_keygen_refuses_to_overwrite()
    {
        var keygen = new ManagedKeygen();
        var path = _dir.Write("key.txt", "existing");
        Assert.Equal(CageErrorCode.OutputExists, (await Assert.ThrowsAsync<CageException>(() => keygen.GenerateAsync(path, overwrite: false))).Code);
        Assert.Equal("existing", File.ReadAllText(path));
    }

    public void Dispose() => _dir.Dispose();
}
