namespace Cage.Adapter.Configuration;

/// <summary>Builds a <see cref="CageConfiguration"/> from flags, environment and config files.</summary>
public static class ConfigurationResolver
{
    /// <summary>Name of the repository config folder.</summary>
    public const string FolderName = ".cage";

    /// <summary>Name of the config file in <c>.cage/</c> and in the user folder.</summary>
    public const string ConfigFileName = "config";

    /// <summary>Default recipients file name in <c>.cage/</c>.</summary>
    public const string RecipientsFileName = "recipients";

    /// <summary>Resolves configuration for work started in <paramref name="workingDirectory"/>.</summary>
    public static CageConfiguration Resolve(string workingDirectory, CageEnvironment? environment = null, ConfigurationOverrides? overrides = null)
    {
        environment ??= CageEnvironment.Process;
        overrides ??= new ConfigurationOverrides();
        var root = FindRepositoryRoot(workingDirectory);
        var repoFolder = root is null ? null : Path.Combine(root, FolderName);
        var repoFile = repoFolder is null ? null : Path.Combine(repoFolder, ConfigFileName);
        var userFolder = UserFolder(environment);
        var userFile = Path.Combine(userFolder, ConfigFileName);
        var layers = new List<Layer>
        {
            new(ConfigurationFile.Read(userFile), userFile, userFolder),
        };
        if (repoFile is not null)
            layers.Insert(0, new Layer(ConfigurationFile.Read(repoFile), repoFile, repoFolder!));

        var extension = Pick(ConfigurationKeys.Extension, overrides.Extension, "--extension", environment, layers)
            ?? new ConfiguredValue(CageConfiguration.DefaultExtension, ConfiguredValue.DefaultSource);
        var strategy = Pick(ConfigurationKeys.Strategy, overrides.Strategy, "--strategy", environment, layers)
            ?? new ConfiguredValue(CageConfiguration.DefaultStrategy, ConfiguredValue.DefaultSource);
        var recipients = PickRecipients(overrides, environment, layers, repoFolder, workingDirectory);

        return new CageConfiguration
        {
            RepositoryRoot = root,
            RepositoryConfigFile = repoFile,
            UserConfigFile = userFile,
            Extension = NormaliseExtension(extension),
            Strategy = ValidateStrategy(strategy),
            RecipientsFile = recipients,
        };
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding <c>.cage/</c>, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, FolderName)))
                return folder.FullName;
        }
        return null;
    }

    /// <summary>The user's Cage folder: <c>$XDG_CONFIG_HOME/cage</c> or <c>~/.config/cage</c>.</summary>
    public static string UserFolder(CageEnvironment? environment = null) =>
        Path.GetDirectoryName(Identities.IdentityResolver.DefaultKeyFile(environment))!;

    private static ConfiguredValue? Pick(string key, string? flag, string flagName, CageEnvironment environment, IReadOnlyList<Layer> layers)
    {
        if (!string.IsNullOrEmpty(flag))
            return new ConfiguredValue(flag, flagName);
        var variable = ConfigurationKeys.VariableFor(key);
        if (environment.Get(variable) is { } fromVariable)
            return new ConfiguredValue(fromVariable, variable);
        foreach (var layer in layers)
        {
            if (layer.Values.TryGetValue(key, out var value) && value.Length > 0)
                return new ConfiguredValue(value, layer.File);
        }
        return null;
    }

    private static ConfiguredValue? PickRecipients(ConfigurationOverrides overrides, CageEnvironment environment, IReadOnlyList<Layer> layers, string? repoFolder, string workingDirectory)
    {
        if (!string.IsNullOrEmpty(overrides.RecipientsFile))
            return new ConfiguredValue(Path.GetFullPath(overrides.RecipientsFile, workingDirectory), "-R");
        if (environment.Get(ConfigurationKeys.RecipientsVariable) is { } fromVariable)
            return new ConfiguredValue(Path.GetFullPath(fromVariable, workingDirectory), ConfigurationKeys.RecipientsVariable);
        // The repository (its config key, else its .cage/recipients) beats the user's config: it is more specific.
        foreach (var layer in layers)
        {
            if (layer.Values.TryGetValue(ConfigurationKeys.Recipients, out var value) && value.Length > 0)
                return new ConfiguredValue(Path.GetFullPath(value, layer.Folder), layer.File);
            if (layer.Folder == repoFolder && File.Exists(Path.Combine(repoFolder, RecipientsFileName)))
                return new ConfiguredValue(Path.Combine(repoFolder, RecipientsFileName), ConfiguredValue.DefaultSource);
        }
        return null;
    }

    private static ConfiguredValue NormaliseExtension(ConfiguredValue extension)
    {
        var value = extension.Value.Trim();
        if (value.Length == 0 || value == "." || value.IndexOfAny(new[] { '/', '\\' }) >= 0)
        {
            throw new CageException(CageErrorCode.InvalidConfiguration, $"extension '{extension.Value}' (from {extension.Source})",
                hint: "use a file extension such as '.age'");
        }
        return extension with { Value = value.StartsWith('.') ? value : "." + value };
    }

    private static ConfiguredValue ValidateStrategy(ConfiguredValue strategy)
    {
        var value = strategy.Value.Trim().ToLowerInvariant();
        if (value is not ("pipe" or "tempfile" or "auto"))
            throw new CageException(CageErrorCode.InvalidStrategy, $"'{strategy.Value}' (from {strategy.Source})");
        return strategy with { Value = value };
    }

    private sealed record Layer(IReadOnlyDictionary<string, string> Values, string File, string Folder);
}
