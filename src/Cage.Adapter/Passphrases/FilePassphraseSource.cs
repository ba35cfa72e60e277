namespace Cage.Adapter.Passphrases;

/// <summary>A passphrase in the first line of a file; a missing or unreadable file is <see cref="CageErrorCode.NoPassphrase"/>.</summary>
internal sealed class FilePassphraseSource : PassphraseSource
{
    private readonly string _path;

    public FilePassphraseSource(string path) : base($"'{path}'") =>
        _path = path ?? throw new ArgumentNullException(nameof(path));

    public override bool IsAvailable => true; // named explicitly: a missing file is an error, not a fall-through

    public override Passphrase Read(PassphrasePurpose purpose) => Passphrase.FromFile(_path);
}
