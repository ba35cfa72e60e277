namespace Cage.Adapter.Passphrases;

/// <summary>
/// Picks a passphrase: the first available source wins. The default order is an explicit file, else
/// <c>CAGE_PASSPHRASE</c>, else a hidden prompt on the terminal; with none available the error is
/// <see cref="CageErrorCode.NoPassphrase"/>, naming every source tried.
/// </summary>
public static class PassphraseResolver
{
    /// <summary>Reads from the first available source.</summary>
    public static Passphrase Resolve(IEnumerable<PassphraseSource> sources, PassphrasePurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var tried = new List<string>();
        foreach (var source in sources)
        {
            if (source.IsAvailable)
                return source.Read(purpose);
            tried.Add(source.Description);
        }
        throw new CageException(CageErrorCode.NoPassphrase, tried.Count == 0 ? "no source was given" : $"tried {string.Join(", ", tried)}");
    }

    /// <summary>The usual sources, in order: <paramref name="passphraseFile"/> if given, else the environment, then the terminal.</summary>
    /// <param name="environment">Where CAGE_PASSPHRASE is read.</param>
    /// <param name="passphraseFile">An explicit passphrase file; when set, it is the only source.</param>
    /// <param name="allowPrompt">False for non-interactive hosts (MSBuild): never prompt.</param>
    public static IReadOnlyList<PassphraseSource> DefaultSources(CageEnvironment? environment = null, string? passphraseFile = null, bool allowPrompt = true)
    {
        if (!string.IsNullOrEmpty(passphraseFile))
            return new[] { PassphraseSource.FromFile(passphraseFile) };
        var sources = new List<PassphraseSource> { PassphraseSource.FromEnvironment(environment) };
        if (allowPrompt)
            sources.Add(PassphraseSource.FromTerminal());
        return sources;
    }

    /// <summary>Resolves from <see cref="DefaultSources"/>.</summary>
    public static Passphrase ResolveDefault(PassphrasePurpose purpose, CageEnvironment? environment = null, string? passphraseFile = null, bool allowPrompt = true) =>
        Resolve(DefaultSources(environment, passphraseFile, allowPrompt), purpose);
}
