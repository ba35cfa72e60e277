namespace Cage.Adapter.Passphrases;

/// <summary>A passphrase in an environment variable (CAGE_PASSPHRASE). The variable is never passed on to age.</summary>
internal sealed class EnvironmentPassphraseSource : PassphraseSource
{
    private readonly CageEnvironment _environment;
    private readonly string _variable;

    public EnvironmentPassphraseSource(CageEnvironment environment, string variable) : base(variable)
    {
        _environment = environment;
        _variable = variable;
    }

    public override bool IsAvailable => _environment.Get(_variable) is not null;

    public override Passphrase Read(PassphrasePurpose purpose)
    {
        var value = _environment.Get(_variable)
            ?? throw new CageException(CageErrorCode.NoPassphrase, $"{_variable} is not set");
        try
        {
            return Passphrase.FromString(value);
        }
        catch (CageException e)
        {
            throw e.WithContext(_variable);
        }
    }
}
