namespace Cage.Adapter;

/// <summary>
/// Reads environment variables. Injected so that locating age, identities and strategies can be tested
/// without touching the process environment.
/// </summary>
public sealed class CageEnvironment
{
    private readonly Func<string, string?> _read;

    private CageEnvironment(Func<string, string?> read) => _read = read;

    /// <summary>The real process environment.</summary>
    public static CageEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>A fixed set of variables (for tests and hosts such as MSBuild that pass their own).</summary>
    public static CageEnvironment FromDictionary(IReadOnlyDictionary<string, string?> variables) =>
        new(name => variables.TryGetValue(name, out var value) ? value : null);

    /// <summary>Reads from any function, e.g. an MSBuild engine's environment.</summary>
    public static CageEnvironment FromFunction(Func<string, string?> read) => new(read);

    /// <summary>This environment with some variables replaced (a null value unsets one).</summary>
    public CageEnvironment With(IReadOnlyDictionary<string, string?> overrides) =>
        new(name => overrides.TryGetValue(name, out var value) ? value : _read(name));

    /// <summary>The value of <paramref name="name"/>, or null when unset or empty.</summary>
    public string? Get(string name)
    {
        var value = _read(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
