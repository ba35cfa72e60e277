namespace Cage.Adapter.Configuration;

/// <summary>
/// The resolved configuration, each value with its source. Precedence: flags, then environment variables,
/// then the repository's <c>.cage/config</c>, then the user's <c>$XDG_CONFIG_HOME/cage/config</c>, then defaults.
/// </summary>
public sealed record CageConfiguration
{
    /// <summary>Default extension of encrypted files.</summary>
    public const string DefaultExtension = ".age";

    /// <summary>Default passphrase strategy.</summary>
    public const string DefaultStrategy = "auto";

    /// <summary>The repository root (folder holding <c>.cage/</c>), or null outside a Cage repository.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>The repository config file, when a repository was found.</summary>
    public string? RepositoryConfigFile { get; init; }

    /// <summary>The user config file (may not exist).</summary>
    public required string UserConfigFile { get; init; }

    /// <summary>Extension of encrypted files (always starts with a dot).</summary>
    public required ConfiguredValue Extension { get; init; }

    /// <summary>Passphrase strategy.</summary>
    public required ConfiguredValue Strategy { get; init; }

    /// <summary>The recipients file in effect (full path), or null when none is configured.</summary>
    public ConfiguredValue? RecipientsFile { get; init; }
}
