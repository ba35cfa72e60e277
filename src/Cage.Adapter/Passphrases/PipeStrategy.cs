using Cage.Adapter.Binary;

namespace Cage.Adapter.Passphrases;

/// <summary>
/// True streaming: age's stdin and stdout are pipes and the pseudo-terminal is only its controlling terminal,
/// so nothing touches the disk and memory stays constant.
/// </summary>
internal static class PipeStrategy
{
    public static Task EncryptAsync(AgeBinary age, Stream input, Stream output, Passphrase passphrase, bool armor, PassphraseRunSettings settings, CancellationToken cancellationToken) =>
        PtyAgeRun.RunAsync(age, AgeArguments.EncryptWithPassphrase(armor), passphrase, input, output, settings, cancellationToken);

    public static Task DecryptAsync(AgeBinary age, Stream input, Stream output, Passphrase passphrase, PassphraseRunSettings settings, CancellationToken cancellationToken) =>
        PtyAgeRun.RunAsync(age, AgeArguments.DecryptWithPassphrase(), passphrase, input, output, settings, cancellationToken);
}
