using Cage.Adapter;
using Cage.Adapter.Configuration;
using Cage.Testing;

namespace Cage.Adapter.Tests.Configuration;

public sealed class ConfigurationResolverTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _repo;
    private readonly string _userHome;

    public ConfigurationResolverTests()
    {
        _repo = Path.Combine(_dir.Path, "repo");
        _userHome = Path.Combine(_dir.Path, "xdg");
        Directory.CreateDirectory(Path.Combine(_repo, "src", "deep"));
    }

    public void Dispose() => _dir.Dispose();

    private CageEnvironment Env(params (string, string)[] variables)
    {
        var all = variables.ToDictionary(v => v.Item1, v => (string?)v.Item2);
        all["XDG_CONFIG_HOME"] = _userHome;
        return CageEnvironment.FromDictionary(all);
    }

    [Fact]
    public void Defaults_outside_a_repository()
    {
        var c = ConfigurationResolver.Resolve(_repo, Env());
        Assert.Null(c.RepositoryRoot);
        Assert.Equal(new ConfiguredValue(".age", "default"), c.Extension);
        Assert.Equal(new ConfiguredValue("auto", "default"), c.Strategy);
        Assert.Null(c.RecipientsFile);
        Assert.Equal(Path.Combine(_userHome, "cage", "config"), c.UserConfigFile);
    }

    [Fact]
    public void Precedence_is_flag_then_environment_then_repository_then_user()
    {
        _dir.Write("xdg/cage/config", "extension = .user\nstrategy = tempfile\nrecipients = team.txt\n");
        _dir.Write("repo/.cage/config", "\uFEFF# repo\r\nextension = repo\r\n");
        _dir.Write("repo/.cage/recipients", "");
        var start = Path.Combine(_repo, "src", "deep");

        var files = ConfigurationResolver.Resolve(start, Env());
        Assert.Equal(_repo, files.RepositoryRoot);
        Assert.Equal(new ConfiguredValue(".repo", Path.Combine(_repo, ".cage", "config")), files.Extension);
        Assert.Equal(new ConfiguredValue("tempfile", Path.Combine(_userHome, "cage", "config")), files.Strategy);
        // The repository's own .cage/recipients beats the user's configured file: the repository is more specific.
        Assert.Equal(Path.Combine(_repo, ".cage", "recipients"), files.RecipientsFile!.Value);
        File.Delete(Path.Combine(_repo, ".cage", "recipients"));
        Assert.Equal(new ConfiguredValue(Path.Combine(_userHome, "cage", "team.txt"), Path.Combine(_userHome, "cage", "config")),
            ConfigurationResolver.Resolve(start, Env()).RecipientsFile);

        var env = ConfigurationResolver.Resolve(start, Env(("CAGE_EXTENSION", ".env"), ("CAGE_STREAMING_STRATEGY", "PIPE"), ("CAGE_RECIPIENTS_FILE", "/r.txt")));
        Assert.Equal(new ConfiguredValue(".env", "CAGE_EXTENSION"), env.Extension);
        Assert.Equal(new ConfiguredValue("pipe", "CAGE_STREAMING_STRATEGY"), env.Strategy);
        Assert.Equal(new ConfiguredValue("/r.txt", "CAGE_RECIPIENTS_FILE"), env.RecipientsFile);

        var flags = ConfigurationResolver.Resolve(start, Env(("CAGE_EXTENSION", ".env")),
            new ConfigurationOverrides { Extension = "flag", Strategy = "auto", RecipientsFile = "/f.txt" });
        Assert.Equal(new ConfiguredValue(".flag", "--extension"), flags.Extension);
        Assert.Equal(new ConfiguredValue("auto", "--strategy"), flags.Strategy);
        Assert.Equal(new ConfiguredValue("/f.txt", "-R"), flags.RecipientsFile);
    }

    [Fact]
    public void Repository_recipients_file_is_found_by_default()
    {
        _dir.Write("repo/.cage/recipients", "age1...\n");
        var c = ConfigurationResolver.Resolve(_repo, Env());
        Assert.Equal(new ConfiguredValue(Path.Combine(_repo, ".cage", "recipients"), "default"), c.RecipientsFile);
    }

    [Theory]
    [InlineData("colour = blue\n", CageErrorCode.InvalidConfiguration)]
    [InlineData("no equals sign\n", CageErrorCode.InvalidConfiguration)]
    [InlineData("extension = a/b\n", CageErrorCode.InvalidConfiguration)]
    [InlineData("strategy = fast\n", CageErrorCode.InvalidStrategy)]
    public void Invalid_config_is_a_coded_error_naming_the_file(string text, CageErrorCode code)
    {
        _dir.Write("repo/.cage/config", text);
        var e = Assert.Throws<CageException>(() => ConfigurationResolver.Resolve(_repo, Env()));
        Assert.Equal(code, e.Code);
        Assert.Contains(".cage", e.Message);
    }
}
