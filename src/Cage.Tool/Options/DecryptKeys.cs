using Cage.Adapter.Engines;
using Cage.Adapter.Headers;
using Cage.Adapter.Passphrases;

namespace Cage.Tool.Options;

/// <summary>
/// Chooses, per file, how to decrypt it: passphrase-encrypted files (by header, or all with -p) with one
/// passphrase asked for once up front (before any progress bar), the rest with the resolved identities.
/// Only what is needed is resolved, so a batch of passphrase files needs no identity and vice versa.
/// </summary>
internal sealed class DecryptKeys
{
    private readonly DecryptOptions? _passphrase;
    private readonly DecryptOptions? _identities;
    private readonly bool _allPassphrase;

    private DecryptKeys(DecryptOptions? passphrase, DecryptOptions? identities, bool allPassphrase)
    {
        _passphrase = passphrase;
        _identities = identities;
        _allPassphrase = allPassphrase;
    }

    public DecryptOptions? Identities => _identities;

    // forcePassphrase: decrypt every file with a passphrase (-p on unlock/verify); default: by header.
    public static DecryptKeys Resolve(ToolConsole console, IReadOnlyList<string> files, IdentityOptions identities, PassphraseOptions passphrase, bool? forcePassphrase = null)
    {
        var all = forcePassphrase ?? passphrase.Requested;
        var needsPassphrase = all;
        var needsIdentities = false;
        if (!all)
        {
            foreach (var file in files)
            {
                if (IsPassphraseFile(file))
                    needsPassphrase = true;
                else
                    needsIdentities = true;
            }
        }
        return new DecryptKeys(
            needsPassphrase ? DecryptOptions.ForPassphrase(passphrase.Resolve(console, PassphrasePurpose.Decrypt)) : null,
            needsIdentities ? DecryptOptions.ForIdentities(identities.Resolve(console)) : null,
            all);
    }

    public DecryptOptions For(string file) =>
        _allPassphrase || (_passphrase is not null && IsPassphraseFile(file)) ? _passphrase! : _identities ?? _passphrase!;

    private static bool IsPassphraseFile(string file)
    {
        try
        {
            return AgeHeaderReader.ReadFile(file).IsPassphrase;
        }
        catch (Adapter.CageException)
        {
            return false; // unreadable or missing: that file fails on its own later
        }
    }
}
