using Cage.Adapter;
using Cage.Tool.Options;

namespace Cage.Tool.Tests;

/// <summary>In-process: which command lines count as a passphrase typed on the command line.</summary>
public sealed class CommandLineSecretsTests : IDisposable
{
    private readonly Cage.Testing.TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("encrypt", "-p", "hunter2")]
    [InlineData("lock", "--passphrase", "hunter2", "a.txt")]
    [InlineData("lock", "--passphrase=hunter2", "a.txt")]
    [InlineData("unlock", "-p=hunter2")]
    [InlineData("unlock", "-p:hunter2")]
    public void Refuses_a_value(params string[] args)
    {
        var e = Assert.Throws<CageException>(() => CommandLineSecrets.RefusePassphraseValue(args));
        Assert.Equal(CageErrorCode.UsageError, e.Code);
        Assert.DoesNotContain("hunter2", e.Message + e.Hint);
    }

    [Fact]
    public void Accepts_the_switch_before_options_existing_paths_or_nothing()
    {
        var file = _dir.Write("a.txt", "A");
        CommandLineSecrets.RefusePassphraseValue(new[] { "lock", "-p", file });
        CommandLineSecrets.RefusePassphraseValue(new[] { "lock", "-p", "--armor", file });
        CommandLineSecrets.RefusePassphraseValue(new[] { "encrypt", "-p" });
        CommandLineSecrets.RefusePassphraseValue(new[] { "encrypt", "--", "-p", "not-a-file" });
    }
}
