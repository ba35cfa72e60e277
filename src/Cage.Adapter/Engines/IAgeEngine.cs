namespace Cage.Adapter.Engines;

/// <summary>
/// Encrypts and decrypts age streams. Implementations stream in constant memory, honour cancellation
/// and report failures as <see cref="CageException"/> with a stable code.
/// </summary>
public interface IAgeEngine
{
    /// <summary>Encrypts everything read from <paramref name="input"/> into <paramref name="output"/>.</summary>
    Task EncryptAsync(Stream input, Stream output, EncryptOptions options, CancellationToken cancellationToken = default);

    /// <summary>Decrypts <paramref name="input"/> (binary or armored) into <paramref name="output"/>.</summary>
    Task DecryptAsync(Stream input, Stream output, DecryptOptions options, CancellationToken cancellationToken = default);
}
