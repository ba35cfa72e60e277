using Cage.Adapter.Binary;
using Cage.Adapter.Engines;
using Cage.Adapter.Pty;

namespace Cage.Adapter.Passphrases;

/// <summary>
/// Passphrase encryption and decryption through age and a pseudo-terminal. Reached only through
/// <see cref="AgeBinaryEngine"/>. Checks what can be checked before spawning (platform, strategy, passphrase),
/// then waits for a concurrency slot and runs the chosen strategy.
/// </summary>
internal sealed class PassphraseEngine
{
    private readonly AgeBinary _age;
    private readonly AgeBinaryEngineOptions _options;

    public PassphraseEngine(AgeBinary age, AgeBinaryEngineOptions options)
    {
        _age = age;
        _options = options;
    }

    /// <summary>The concrete strategy the next operation will use.</summary>
    public StreamingStrategy ResolveStrategy() => StreamingStrategies.Resolve(_options.Strategy, _options.Environment);

    public Task EncryptAsync(Stream input, Stream output, Passphrase passphrase, bool armor, CancellationToken cancellationToken) =>
        RunAsync(AgeOperation.Encrypt, passphrase, cancellationToken, (strategy, settings) => strategy == StreamingStrategy.Pipe
            ? PipeStrategy.EncryptAsync(_age, input, output, passphrase, armor, settings, cancellationToken)
            : TempFileStrategy.EncryptAsync(_age, input, output, passphrase, armor, settings, cancellationToken));

    public Task DecryptAsync(Stream input, Stream output, Passphrase passphrase, CancellationToken cancellationToken) =>
        RunAsync(AgeOperation.Decrypt, passphrase, cancellationToken, (strategy, settings) => strategy == StreamingStrategy.Pipe
            ? PipeStrategy.DecryptAsync(_age, input, output, passphrase, settings, cancellationToken)
            : TempFileStrategy.DecryptAsync(_age, input, output, passphrase, settings, cancellationToken));

    private async Task RunAsync(AgeOperation operation, Passphrase passphrase, CancellationToken cancellationToken,
        Func<StreamingStrategy, PassphraseRunSettings, Task> run)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        PtySupport.EnsureSupported();
        var strategy = ResolveStrategy();
        TerminalAnswer.EnsureTypeable(passphrase);
        var settings = new PassphraseRunSettings(operation, _options.BufferSize, _options.Timeout, _options.PromptTimeout, _options.TempRoot, _options.Environment, _options.DirectFiles);
        using var slot = await PassphraseConcurrency.EnterAsync(_options.MaxPassphraseConcurrency, cancellationToken).ConfigureAwait(false);
        await run(strategy, settings).ConfigureAwait(false);
    }
}
