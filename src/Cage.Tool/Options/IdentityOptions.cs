using Cage.Adapter;
using Cage.Adapter.Identities;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Options;

/// <summary><c>-i</c> as in age; without it CAGE_IDENTITY, CAGE_IDENTITY_FILE, then the default key file.</summary>
internal sealed class IdentityOptions
{
    private readonly CommandOption _identities;

    public IdentityOptions(CommandLineApplication command) =>
        _identities = command.Option("-i|--identity <FILE>", "Decrypt with the identity in FILE (age key or SSH private key). Repeatable.", CommandOptionType.MultipleValue);

    public IReadOnlyList<string> Files => _identities.Values.Where(v => v is not null).Select(v => v!).ToList();

    /// <summary>Resolves the identities and warns (stderr, CAGE060) about key files other users can read.</summary>
    public IReadOnlyList<IdentitySource> Resolve(ToolConsole console)
    {
        var sources = IdentityResolver.Resolve(Files, console.Environment);
        foreach (var warning in IdentityPermissions.Check(sources))
            console.WriteWarning(warning);
        return sources;
    }
}
