using Cage.Adapter.Engines;

namespace Cage.Adapter.Files;

/// <summary>
/// File-to-file helpers over any <see cref="IAgeEngine"/>. The destination is written atomically: on any
/// failure it does not exist (or keeps its old contents) and no temp file remains. Decrypted files are 0600.
/// </summary>
public static class AgeFileOperations
{
    /// <summary>Encrypts <paramref name="inputPath"/> into <paramref name="outputPath"/>.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="inputPath">File to encrypt.</param>
    /// <param name="outputPath">Where the ciphertext goes (replaced atomically).</param>
    /// <param name="options">Recipients or passphrase.</param>
    /// <param name="cancellationToken">Stops age and leaves no output.</param>
    /// <param name="durability">Ask for <see cref="WriteDurability.Always"/> when the input will be deleted afterwards.</param>
    public static Task EncryptFileAsync(this IAgeEngine engine, string inputPath, string outputPath, EncryptOptions options, CancellationToken cancellationToken = default, WriteDurability durability = WriteDurability.Auto) =>
        RunAsync(inputPath, outputPath, mode: null, durability, (input, output, ct) => engine.EncryptAsync(input, output, options, ct), cancellationToken);

    /// <summary>Decrypts <paramref name="inputPath"/> into <paramref name="outputPath"/> (created 0600).</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="inputPath">File to decrypt.</param>
    /// <param name="outputPath">Where the plaintext goes (replaced atomically, 0600).</param>
    /// <param name="options">Identities or passphrase.</param>
    /// <param name="cancellationToken">Stops age and leaves no output.</param>
    /// <param name="durability">Ask for <see cref="WriteDurability.Always"/> when the input will be deleted afterwards.</param>
    public static Task DecryptFileAsync(this IAgeEngine engine, string inputPath, string outputPath, DecryptOptions options, CancellationToken cancellationToken = default, WriteDurability durability = WriteDurability.Auto) =>
        RunAsync(inputPath, outputPath, PrivateFileOptions.OwnerOnly, durability, (input, output, ct) => engine.DecryptAsync(input, output, options, ct), cancellationToken);

    private static async Task RunAsync(string inputPath, string outputPath, UnixFileMode? mode, WriteDurability durability, Func<Stream, Stream, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        try
        {
            await using var input = OpenInput(inputPath);
            await using var output = AtomicFile.Create(outputPath, mode, durability: durability);
            await operation(input, output.Stream, cancellationToken).ConfigureAwait(false);
            await output.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CageException e)
        {
            throw e.WithContext(inputPath);
        }
    }

    /// <summary>Opens a file for streaming, mapping failures to Cage error codes.</summary>
    public static FileStream OpenInput(string path)
    {
        try
        {
            if (Directory.Exists(path))
                throw new CageException(CageErrorCode.InputUnreadable, $"'{path}' is a directory");
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CageException(CageErrorCode.InputNotFound, $"'{path}'", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CageException(CageErrorCode.InputUnreadable, $"'{path}': {e.Message}", e);
        }
    }
}
