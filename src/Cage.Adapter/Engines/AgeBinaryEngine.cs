using Cage.Adapter.Binary;
using Cage.Adapter.Identities;

namespace Cage.Adapter.Engines;

/// <summary>
/// Runs the real age binary, streaming through its stdin and stdout. Recipient and identity work; passphrase
/// work goes through the PTY strategies.
/// </summary>
public sealed class AgeBinaryEngine : IAgeEngine
{
    private readonly AgeBinaryEngineOptions _options;

    /// <summary>Locates age now, so a missing binary fails early with <see cref="CageErrorCode.AgeNotFound"/>.</summary>
    public AgeBinaryEngine(AgeBinaryEngineOptions? options = null)
    {
        _options = options ?? new AgeBinaryEngineOptions();
        if (_options.BufferSize < 4096)
            throw new ArgumentOutOfRangeException(nameof(options), "BufferSize must be at least 4096 bytes");
        Age = AgeLocator.LocateAge(_options.AgePath, _options.Environment);
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
            throw new NotSupportedException("passphrase encryption goes through PassphraseEngine");
        var arguments = AgeArguments.EncryptToRecipients(options.Recipients.EnsureNotEmpty(), options.Armor);
        return AgeProcess.RunAsync(Age, arguments, input, output, Settings(AgeOperation.Encrypt), cancellationToken);
    }

    /// <inheritdoc />
    public async Task DecryptAsync(Stream input, Stream output, DecryptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Passphrase is not null)
            throw new NotSupportedException("passphrase decryption goes through PassphraseEngine");
        await using var identities = IdentityHandoff.Prepare(options.Identities, _options.Environment);
        var arguments = AgeArguments.DecryptWithIdentities(identities.Paths);
        await AgeProcess.RunAsync(Age, arguments, input, output, Settings(AgeOperation.Decrypt), cancellationToken).ConfigureAwait(false);
    }

    private AgeRunSettings Settings(AgeOperation operation) => new(operation, _options.BufferSize, _options.Timeout, null, _options.UseSplice);
}
