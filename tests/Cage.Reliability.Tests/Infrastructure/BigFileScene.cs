using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>
/// A work folder for a fault on the 100 MiB files: a private temp root inside it (so leftovers show) and an age
/// that waits to be found (<see cref="FakeAge.PausedAtStart"/>, kept outside the work folder).
/// </summary>
public sealed class BigFileScene : IDisposable
{
    private readonly TempDir _bin = new("cage-rel-bin-");

    public BigFileScene(string prefix)
    {
        Work = new TempDir(prefix);
        TempRoot = Directory.CreateDirectory(Work.File("private-temp")).FullName;
        Age = FakeAge.PausedAtStart(_bin.Path);
    }

    public TempDir Work { get; }
    public string TempRoot { get; }
    public string Age { get; }

    public void Dispose()
    {
        Work.Dispose();
        _bin.Dispose();
    }
}
