namespace Cage.Adapter;

/// <summary>Names of the environment variables Cage reads.</summary>
public static class CageEnvironmentVariables
{
    /// <summary>Path of the age binary.</summary>
    public const string AgePath = "CAGE_AGE_PATH";
    /// <summary>Path of the age-keygen binary.</summary>
    public const string AgeKeygenPath = "CAGE_AGE_KEYGEN_PATH";
    /// <summary>Identity contents (one or more AGE-SECRET-KEY-1... lines). A secret.</summary>
    public const string Identity = "CAGE_IDENTITY";
    /// <summary>Path of an identity file.</summary>
    public const string IdentityFile = "CAGE_IDENTITY_FILE";
    /// <summary>A passphrase. A secret.</summary>
    public const string Passphrase = "CAGE_PASSPHRASE";
    /// <summary>The new passphrase when rotating to one (dotnet cage rotate -p). A secret.</summary>
    public const string NewPassphrase = "CAGE_NEW_PASSPHRASE";
    /// <summary>Passphrase streaming strategy: pipe, tempfile or auto.</summary>
    public const string StreamingStrategy = "CAGE_STREAMING_STRATEGY";
    /// <summary>Root folder for private temp folders (defaults to the system temp folder).</summary>
    public const string TempRoot = "CAGE_TEMP_DIR";
    /// <summary>User configuration root (XDG).</summary>
    public const string XdgConfigHome = "XDG_CONFIG_HOME";

    /// <summary>Every variable that may hold a secret: removed from the environment of every child (age, age-keygen, editors).</summary>
    public static IReadOnlyList<string> Secrets { get; } = new[] { Identity, Passphrase, NewPassphrase };
}
