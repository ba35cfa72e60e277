using Cage.Build.Tasks.Tests.Infrastructure;
using Cage.Testing;

namespace Cage.Build.Tasks.Tests.Unit;

/// <summary>The tasks on a machine without age: auto falls back to the managed engine; Engine=managed forces it.</summary>
public sealed class ManagedEngineTaskTests : IDisposable
{
    private readonly TaskHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Without_age_on_PATH_auto_decrypts_in_process()
    {
        var plaintext = RandomData.Bytes(200_000);
        var item = TaskHarness.Item(_h.WriteEncrypted("a.age", plaintext), ("OutputPath", _h.Path("out/a")));
        var (task, engine) = _h.Decrypt(_h.Environment(("CAGE_IDENTITY_FILE", _h.IdentityFile), ("PATH", "/nonexistent-cage")), item);

        Assert.True(task.Execute(), engine.AllText);

        Assert.Equal(plaintext, File.ReadAllBytes(_h.Path("out/a")));
    }

    [Fact]
    public void Engine_managed_encrypts_files_that_age_decrypts()
    {
        var plaintext = RandomData.Bytes(70_000);
        var input = _h.Write("plain.bin", plaintext);
        var item = TaskHarness.Item(input, ("OutputPath", _h.Path("out/plain.bin.age")));
        var (task, engine) = _h.Encrypt(_h.Environment(), item);
        task.Recipients = _h.Recipient;
        task.Engine = "managed";

        Assert.True(task.Execute(), engine.AllText);

        Assert.Equal(plaintext, _h.DecryptWithAge(_h.Path("out/plain.bin.age")));
    }

    [Fact]
    public void An_unknown_engine_is_CAGE071()
    {
        var item = TaskHarness.Item(_h.WriteEncrypted("a.age", new byte[] { 1 }), ("OutputPath", _h.Path("out/a")));
        var (task, engine) = _h.Decrypt(_h.EnvironmentWithIdentityFile(), item);
        task.Engine = "rage";

        Assert.False(task.Execute());

        Assert.Equal("CAGE071", Assert.Single(engine.Errors).Code);
    }
}
