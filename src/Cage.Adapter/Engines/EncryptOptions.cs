using Cage.Adapter.Passphrases;
using Cage.Adapter.Recipients;

namespace Cage.Adapter.Engines;

/// <summary>What to encrypt to. Immutable: derive variants with <c>with</c>.</summary>
public sealed record EncryptOptions
{
    /// <summary>Recipients to encrypt to (ignored when <see cref="Passphrase"/> is set).</summary>
    public RecipientSet Recipients { get; init; } = RecipientSet.Empty;

    /// <summary>Encrypt with this passphrase instead of recipients (scrypt).</summary>
    public Passphrase? Passphrase { get; init; }

    /// <summary>Write PEM-style ASCII armor (<c>age -a</c>).</summary>
    public bool Armor { get; init; }

    /// <summary>Encrypts to the given recipients.</summary>
    public static EncryptOptions ForRecipients(RecipientSet recipients, bool armor = false) =>
        new() { Recipients = recipients, Armor = armor };

    /// <summary>Encrypts with a passphrase.</summary>
    public static EncryptOptions ForPassphrase(Passphrase passphrase, bool armor = false) =>
        new() { Passphrase = passphrase, Armor = armor };
}
