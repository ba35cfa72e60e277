namespace Cage.Adapter.Configuration;

/// <summary>Values given as command-line flags; they override the environment and config files.</summary>
public sealed record ConfigurationOverrides
{
    /// <summary><c>--extension</c>.</summary>
    public string? Extension { get; init; }

    /// <summary><c>--strategy</c>.</summary>
    public string? Strategy { get; init; }

    /// <summary>A recipients file named on the command line (<c>-R</c>).</summary>
    public string? RecipientsFile { get; init; }
}
