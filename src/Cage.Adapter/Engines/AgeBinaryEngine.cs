using Cage.Adapter.Binary;
using Cage.Adapter.Identities;
using Cage.Adapter.Passphrases;

namespace Cage.Adapter.Engines;

/// <summary>
/// Runs the real age binary, streaming through its stdin and stdout. The single entry point for all age work.
/// Recipients and identities: between two files age gets the files themselves as stdin and stdout
/// (<see cref="AgeBinaryEngineOptions.DirectFiles"/>), any other stream is pumped through pipes. Passphrases (set in
/// the options) go through a pseudo-terminal with the pipe or tempfile strategy
/// (<see cref="AgeBinaryEngineOptions.Strategy"/>), at most <see cref="AgeBinaryEngineOptions.MaxPassphraseConcurrency"/>
/// at a time.
/// </summary>
public sealed class AgeBinaryEngine : IAgeEngine
{
    private readonly AgeBinaryEngineOptions _options;
    private readonly PassphraseEngine _passphrases;

    /// <summary>Locates age now, so a missing binary fails early with <see cref="CageErrorCode.AgeNotFound"/>.</summary>
    public AgeBinaryEngine(AgeBinaryEngineOptions? options = null)
    {
        _options = options ?? new AgeBinaryEngineOptions();
        if (_options.BufferSize < 4096)
            throw new ArgumentOutOfRangeException(nameof(options), "BufferSize must be at least 4096 bytes");
        if (_options.MaxPassphraseConcurrency < 1)
            throw new ArgumentOutOfRangeException(nameof(options), "MaxPassphraseConcurrency must be at least 1");
        if (_options.PromptTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), "PromptTimeout must be positive");
        Age = AgeLocator.LocateAge(_options.AgePath, _options.Environment);
        _passphrases = new PassphraseEngine(Age, _options);
    }

    /// <summary>The age binary in use.</summary>
    public AgeBinary Age { get; }

    /// <summary>The settings in use.</summary>
    public AgeBinaryEngineOptions Options => _options;

    /// <inheritdoc />
    public Task EncryptAsync(Stream input, Stream output, EncryptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Passphrase is not null)
            return _passphrases.EncryptAsync(input, output, options.Passphrase, options.Armor, cancellationToken);
        var arguments = AgeArguments.EncryptToRecipients(options.Recipients.EnsureNotEmpty(), options.Armor);
        return RunAsync(arguments, input, output, Settings(AgeOperation.Encrypt), cancellationToken);
    }

    /// <inheritdoc />
    public async Task DecryptAsync(Stream input, Stream output, DecryptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Passphrase is not null)
        {
            await _passphrases.DecryptAsync(input, output, options.Passphrase, cancellationToken).ConfigureAwait(false);
            return;
        }
        await using var identities = IdentityHandoff.Prepare(options.Identities, _options.Environment);
        var arguments = AgeArguments.DecryptWithIdentities(identities.Paths);
        await RunAsync(arguments, input, output, Settings(AgeOperation.Decrypt), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Files are handed to age as its stdin and stdout; any other stream is pumped through pipes.</summary>
    private async Task RunAsync(IReadOnlyList<string> arguments, Stream input, Stream output, AgeRunSettings settings, CancellationToken cancellationToken)
    {
        using var files = _options.DirectFiles ? DirectFiles.TryCreate(input, output) : null;
        if (files is not null)
            await DirectAgeRun.RunAsync(Age, arguments, files, settings, cancellationToken).ConfigureAwait(false);
        else
            await AgeProcess.RunAsync(Age, arguments, input, output, settings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The concrete strategy passphrase operations will use (option, else CAGE_STREAMING_STRATEGY, else auto);
    /// throws <see cref="CageErrorCode.InvalidStrategy"/> for an unknown name.
    /// </summary>
    public StreamingStrategy ResolvePassphraseStrategy() => _passphrases.ResolveStrategy();

    private AgeRunSettings Settings(AgeOperation operation) => new(operation, _options.BufferSize, _options.Timeout, null);
}
