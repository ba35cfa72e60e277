using Cage.Adapter.Batch;

namespace Cage.Adapter.Tests.Batch;

public sealed class GlobTests
{
    [Theory]
    [InlineData("*.json", "a.json", true)]
    [InlineData("*.json", "deep/down/a.json", true)]
    [InlineData("*.json", "a.json.age", false)]
    [InlineData("config/*.json", "config/a.json", true)]
    [InlineData("config/*.json", "config/sub/a.json", false)]
    [InlineData("config/**/*.json", "config/a.json", true)]
    [InlineData("config/**/*.json", "config/x/y/a.json", true)]
    [InlineData("**/secrets/*", "a/secrets/b", true)]
    [InlineData("./config/?.yaml", "config/a.yaml", true)]
    [InlineData("config/?.yaml", "config/ab.yaml", false)]
    [InlineData("[ab].txt", "a.txt", true)]
    [InlineData("[!ab].txt", "a.txt", false)]
    [InlineData("[!ab].txt", "c.txt", true)]
    [InlineData("a+b(1).txt", "a+b(1).txt", true)]
    public void Matches_like_gitignore_globs(string pattern, string path, bool expected) =>
        Assert.Equal(expected, Glob.Parse(pattern).IsMatch(path));
}
