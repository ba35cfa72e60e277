namespace Cage.Adapter.Configuration;

/// <summary>Keys of Cage config files and the environment variables that override them.</summary>
public static class ConfigurationKeys
{
    /// <summary>Path of the recipients file (relative to the folder of the config file).</summary>
    public const string Recipients = "recipients";
    /// <summary>Extension of encrypted files, e.g. <c>.age</c>.</summary>
    public const string Extension = "extension";
    /// <summary>Passphrase streaming strategy: pipe, tempfile or auto.</summary>
    public const string Strategy = "strategy";

    /// <summary>Every known key.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { Recipients, Extension, Strategy };

    /// <summary>Environment variable overriding <see cref="Recipients"/>.</summary>
    public const string RecipientsVariable = "CAGE_RECIPIENTS_FILE";
    /// <summary>Environment variable overriding <see cref="Extension"/>.</summary>
    public const string ExtensionVariable = "CAGE_EXTENSION";
    /// <summary>Environment variable overriding <see cref="Strategy"/>.</summary>
    public const string StrategyVariable = CageEnvironmentVariables.StreamingStrategy;

    /// <summary>The variable for a key.</summary>
    public static string VariableFor(string key) => key switch
    {
        Recipients => RecipientsVariable,
        Extension => ExtensionVariable,
        Strategy => StrategyVariable,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "unknown configuration key"),
    };
}
