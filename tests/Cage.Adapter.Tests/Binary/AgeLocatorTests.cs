using Cage.Adapter.Binary;
using Cage.Testing;

namespace Cage.Adapter.Tests.Binary;

public sealed class AgeLocatorTests : IDisposable
{
    private readonly TempDir _dir = new();

    private CageEnvironment Env(params (string Name, string? Value)[] variables) =>
        CageEnvironment.FromDictionary(variables.ToDictionary(v => v.Name, v => v.Value));

    [Fact]
    public void Finds_the_real_age_on_path_and_reads_its_version()
    {
        var age = AgeLocator.LocateAge(environment: Env(("PATH", Environment.GetEnvironmentVariable("PATH"))));
        Assert.Equal(AgeCli.AgePath, age.Path);
        Assert.Matches(@"^\d+\.\d+\.\d+", age.Version);
        var keygen = AgeLocator.LocateAgeKeygen(environment: Env(("PATH", Environment.GetEnvironmentVariable("PATH"))));
        Assert.Equal(AgeCli.KeygenPath, keygen.Path);
    }

    [Fact]
    public void Explicit_path_beats_the_variable_which_beats_path()
    {
        var copy = _dir.File("my-age");
        File.Copy(AgeCli.AgePath, copy);
        File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.Equal(copy, AgeLocator.LocateAge(environment: Env(("CAGE_AGE_PATH", copy), ("PATH", "/nonexistent"))).Path);
        Assert.Equal(AgeCli.AgePath, AgeLocator.LocateAge(AgeCli.AgePath, Env(("CAGE_AGE_PATH", copy))).Path);
    }

    [Fact]
    public void Missing_or_unrunnable_binaries_give_cage001_and_cage002()
    {
        var empty = Env(("PATH", _dir.Path));
        Assert.Equal(CageErrorCode.AgeNotFound, Assert.Throws<CageException>(() => AgeLocator.LocateAge(environment: empty)).Code);
        Assert.Equal(CageErrorCode.AgeKeygenNotFound, Assert.Throws<CageException>(() => AgeLocator.LocateAgeKeygen(environment: empty)).Code);
        Assert.Equal(CageErrorCode.AgeNotFound, Assert.Throws<CageException>(() => AgeLocator.LocateAge(_dir.File("nope"))).Code);

        var notRunnable = _dir.Write("broken-age", "this is not a program");
        File.SetUnixFileMode(notRunnable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var error = Assert.Throws<CageException>(() => AgeLocator.LocateAge(notRunnable));
        Assert.Equal(CageErrorCode.AgeNotFound, error.Code);
        Assert.Contains("could not be run", error.Message);
    }

    public void Dispose() => _dir.Dispose();
}
