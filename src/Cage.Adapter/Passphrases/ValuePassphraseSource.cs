namespace Cage.Adapter.Passphrases;

/// <summary>A passphrase given directly (e.g. by a host that already asked for it).</summary>
internal sealed class ValuePassphraseSource : PassphraseSource
{
    private readonly Passphrase _passphrase;

    public ValuePassphraseSource(Passphrase passphrase) : base("the given passphrase") =>
        _passphrase = passphrase ?? throw new ArgumentNullException(nameof(passphrase));

    public override bool IsAvailable => true;

    public override Passphrase Read(PassphrasePurpose purpose) => _passphrase;
}
