using Cage.Adapter.Identities;
using Cage.Adapter.Passphrases;

namespace Cage.Adapter.Engines;

/// <summary>What to decrypt with. Immutable: derive variants with <c>with</c>.</summary>
public sealed record DecryptOptions
{
    /// <summary>Identities to try (ignored when <see cref="Passphrase"/> is set).</summary>
    public IReadOnlyList<IdentitySource> Identities { get; init; } = Array.Empty<IdentitySource>();

    /// <summary>Decrypt a passphrase-encrypted file with this passphrase.</summary>
    public Passphrase? Passphrase { get; init; }

    /// <summary>Decrypts with the given identities.</summary>
    public static DecryptOptions ForIdentities(params IdentitySource[] identities) => new() { Identities = identities };

    /// <summary>Decrypts with the given identities.</summary>
    public static DecryptOptions ForIdentities(IReadOnlyList<IdentitySource> identities) => new() { Identities = identities };

    /// <summary>Decrypts with a passphrase.</summary>
    public static DecryptOptions ForPassphrase(Passphrase passphrase) => new() { Passphrase = passphrase };
}
