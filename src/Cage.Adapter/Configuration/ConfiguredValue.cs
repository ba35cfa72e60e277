namespace Cage.Adapter.Configuration;

/// <summary>A resolved setting and where it came from (e.g. <c>--extension</c>, <c>CAGE_EXTENSION</c>, a config file, <c>default</c>).</summary>
/// <param name="Value">The value in effect.</param>
/// <param name="Source">Where it came from, for <c>doctor</c> and error messages.</param>
public sealed record ConfiguredValue(string Value, string Source)
{
    /// <summary>The source name of built-in defaults.</summary>
    public const string DefaultSource = "default";
}
