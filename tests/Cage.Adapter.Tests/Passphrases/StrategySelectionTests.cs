using Cage.Adapter.Recipients;
using Cage.Adapter.Engines;
using Cage.Adapter.Passphrases;
using Cage.Testing;
using static Cage.Adapter.Tests.Passphrases.PassphraseKit;

namespace Cage.Adapter.Tests.Passphrases;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class StrategySelectionTests
{
    private static CageEnvironment Env(string? strategy) =>
        CageEnvironment.FromDictionary(new Dictionary<string, string?> { [CageEnvironmentVariables.StreamingStrategy] = strategy });

    [Theory]
    [InlineData("pipe", StreamingStrategy.Pipe)]
    [InlineData("tempfile", StreamingStrategy.TempFile)]
    [InlineData("auto", StreamingStrategy.Auto)]
    [InlineData(" PIPE ", StreamingStrategy.Pipe)]
    [InlineData("TempFile", StreamingStrategy.TempFile)]
    public void Names_parse(string name, StreamingStrategy expected) => Assert.Equal(expected, StreamingStrategies.Parse(name));

    [Theory]
    [InlineData("")]
    [InlineData("pipes")]
    [InlineData("temp-file")]
    [InlineData("fifo")]
    [InlineData("1")]
    public void Unknown_names_are_InvalidStrategy(string name)
    {
        var error = Assert.Throws<CageException>(() => StreamingStrategies.Parse(name));
        Assert.Equal(CageErrorCode.InvalidStrategy, error.Code);
    }

    [Theory]
    [InlineData(null, StreamingStrategy.Auto)]
    [InlineData("pipe", StreamingStrategy.Pipe)]
    [InlineData("tempfile", StreamingStrategy.TempFile)]
    [InlineData("auto", StreamingStrategy.Auto)]
    public void Environment_selects_when_no_option_is_given(string? variable, StreamingStrategy expected) =>
        Assert.Equal(expected, StreamingStrategies.Select(null, Env(variable)));

    [Fact]
    public void Bad_environment_value_is_InvalidStrategy_naming_the_variable()
    {
        var error = Assert.Throws<CageException>(() => StreamingStrategies.Select(null, Env("turbo")));
        Assert.Equal(CageErrorCode.InvalidStrategy, error.Code);
        Assert.Contains(CageEnvironmentVariables.StreamingStrategy, error.Message);
    }

    [Theory]
    [InlineData("pipe", StreamingStrategy.TempFile)]
    [InlineData("tempfile", StreamingStrategy.Pipe)]
    [InlineData("turbo", StreamingStrategy.Pipe)] // an explicit option wins; the variable is not even read
    public void Option_overrides_the_environment(string variable, StreamingStrategy option) =>
        Assert.Equal(option, StreamingStrategies.Select(option, Env(variable)));

    [Fact]
    public void Undefined_enum_value_is_InvalidStrategy()
    {
        var error = Assert.Throws<CageException>(() => StreamingStrategies.Select((StreamingStrategy)42, Env(null)));
        Assert.Equal(CageErrorCode.InvalidStrategy, error.Code);
    }

    [Fact]
    public void Auto_resolves_to_pipe_on_linux()
    {
        Assert.True(OperatingSystem.IsLinux(), "these tests run on Linux");
        Assert.Equal(StreamingStrategy.Pipe, StreamingStrategies.Resolve(null, Env(null)));
        Assert.Equal(StreamingStrategy.Pipe, StreamingStrategies.Resolve(StreamingStrategy.Auto, Env("tempfile")));
        Assert.Equal(StreamingStrategy.TempFile, StreamingStrategies.Resolve(null, Env("tempfile")));
    }

    [Fact]
    public void Engine_resolves_from_its_environment_and_option()
    {
        var fromEnvironment = new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = AgeCli.AgePath, Environment = Env("tempfile") });
        Assert.Equal(StreamingStrategy.TempFile, fromEnvironment.ResolvePassphraseStrategy());
        var withOption = new AgeBinaryEngine(fromEnvironment.Options with { Strategy = StreamingStrategy.Pipe });
        Assert.Equal(StreamingStrategy.Pipe, withOption.ResolvePassphraseStrategy());
    }

    [Fact]
    public async Task Bad_variable_fails_passphrase_work_before_spawning_but_not_recipient_work()
    {
        using var temp = new TempDir();
        var marker = temp.File("spawned");
        var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = AgeCli.AgePath, Environment = Env("turbo") });
        var error = await Assert.ThrowsAsync<CageException>(() => EncryptAsync(engine, new byte[3], Secret));
        Assert.Equal(CageErrorCode.InvalidStrategy, error.Code);

        var (_, recipient) = AgeCli.Keygen();
        using var output = new MemoryStream();
        await engine.EncryptAsync(new MemoryStream(new byte[3]), output, EncryptOptions.ForRecipients(RecipientSet.Empty.Add(recipient)));
        Assert.True(output.Length > 0);
    }

    [Theory]
    [InlineData(StreamingStrategy.Pipe, false)]
    [InlineData(StreamingStrategy.TempFile, true)]
    public async Task Selected_strategy_is_the_one_that_runs(StreamingStrategy strategy, bool expectsStagedFiles)
    {
        // A fake age that reports whether it was given an input file (tempfile) or reads stdin (pipe).
        using var temp = new TempDir();
        using var root = new TempDir();
        var fake = FakeAge(temp, "FakeAgeReportsArguments",
            "printf 'Enter passphrase: ' > /dev/tty\nread x < /dev/tty\necho \"age: error: args=$#\" >&2\nexit 3");
        var error = await Assert.ThrowsAsync<CageException>(() => DecryptAsync(Engine(strategy, root.Path, agePath: fake), new byte[5], Secret));
        // "-d" alone (pipe) or "-d -o OUT -- IN" (tempfile)
        Assert.Contains(expectsStagedFiles ? "args=5" : "args=1", error.Message);
        Assert.Empty(Entries(root.Path));
    }
}
