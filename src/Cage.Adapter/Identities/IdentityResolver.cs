namespace Cage.Adapter.Identities;

/// <summary>
/// Picks the identities to decrypt with, in order of precedence: explicit files; else <c>CAGE_IDENTITY</c> and
/// <c>CAGE_IDENTITY_FILE</c>; else the default user key file. Throws <see cref="CageErrorCode.NoIdentity"/> naming
/// every source it tried.
/// </summary>
public static class IdentityResolver
{
    /// <summary>Resolves identities from explicit files, the environment and the default key file.</summary>
    public static IReadOnlyList<IdentitySource> Resolve(IEnumerable<string>? explicitFiles = null, CageEnvironment? environment = null, string? defaultKeyFile = null)
    {
        environment ??= CageEnvironment.Process;
        var files = explicitFiles?.Where(f => !string.IsNullOrWhiteSpace(f)).ToList() ?? new List<string>();
        if (files.Count > 0)
            return files.Select(IdentitySource.FromFile).ToList();

        var sources = new List<IdentitySource>();
        if (environment.Get(CageEnvironmentVariables.Identity) is { } contents)
            sources.Add(IdentitySource.FromContents(contents, CageEnvironmentVariables.Identity));
        if (environment.Get(CageEnvironmentVariables.IdentityFile) is { } file)
            sources.Add(IdentitySource.FromFile(file));
        if (sources.Count > 0)
            return sources;

        defaultKeyFile ??= DefaultKeyFile(environment);
        if (File.Exists(defaultKeyFile))
            return new[] { IdentitySource.FromFile(defaultKeyFile) };

        throw new CageException(CageErrorCode.NoIdentity,
            $"tried {CageEnvironmentVariables.Identity}, {CageEnvironmentVariables.IdentityFile} and '{defaultKeyFile}'");
    }

    /// <summary>The user's default key file: <c>$XDG_CONFIG_HOME/cage/keys.txt</c> or <c>~/.config/cage/keys.txt</c>.</summary>
    public static string DefaultKeyFile(CageEnvironment? environment = null)
    {
        environment ??= CageEnvironment.Process;
        var configHome = environment.Get(CageEnvironmentVariables.XdgConfigHome)
            ?? Path.Combine(environment.Get("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(configHome, "cage", "keys.txt");
    }
}
