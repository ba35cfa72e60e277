using System.IO.Pipes;
using System.Security.Cryptography;
using Cage.Adapter.Batch;
using Cage.Adapter.Engines;
using Cage.Adapter.Headers;

namespace Cage.Adapter.Rotation;

/// <summary>
/// Re-encrypts files to a new recipient set or passphrase, all or nothing: every file is re-encrypted into a
/// staged file beside it (plaintext flows through an in-memory OS pipe, never to disk) and verified; only when
/// every file passed are the originals swapped, each backed up first; any failure restores every original.
/// </summary>
public sealed class KeyRotator
{
    private readonly IAgeEngine _decryptEngine;
    private readonly IAgeEngine _encryptEngine;

    /// <summary>Uses <paramref name="decryptEngine"/> for the old files and <paramref name="encryptEngine"/> (default: the same) for the new.</summary>
    public KeyRotator(IAgeEngine decryptEngine, IAgeEngine? encryptEngine = null)
    {
        _decryptEngine = decryptEngine;
        _encryptEngine = encryptEngine ?? decryptEngine;
    }

    /// <summary>Runs the rotation. Never leaves a mix of old and new files, nor staged or backup files.</summary>
    public async Task<RotationResult> RotateAsync(RotationRequest request, CancellationToken cancellationToken = default)
    {
        var staged = new StagedFile?[request.Files.Count];
        var outcomes = new RotatedFile[request.Files.Count];
        try
        {
            await PrepareAllAsync(request, staged, outcomes, cancellationToken).ConfigureAwait(false);
            var allPassed = outcomes.All(o => o.Succeeded);
            if (!allPassed || request.DryRun)
                return new RotationResult(outcomes, Committed: false, request.DryRun);
            Swap(staged!);
            return new RotationResult(outcomes, Committed: true, DryRun: false);
        }
        finally
        {
            foreach (var file in staged)
                file?.Discard();
        }
    }

    private async Task PrepareAllAsync(RotationRequest request, StagedFile?[] staged, RotatedFile[] outcomes, CancellationToken cancellationToken)
    {
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < request.Files.Count; i++)
        {
            if (!indexes.TryAdd(request.Files[i], i))
                throw new ArgumentException($"'{request.Files[i]}' is listed twice", nameof(request));
            staged[i] = StagedFile.Beside(request.Files[i]);
        }
        var results = await BatchRunner.RunAsync(request.Files, async (path, ct) =>
        {
            var index = indexes[path];
            var verification = await PrepareAsync(request, path, staged[index]!, ct).ConfigureAwait(false);
            outcomes[index] = new RotatedFile(path, verification, null);
            return staged[index]!.Path;
        }, request.MaxParallelism, cancellationToken: cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Error is { } error)
                outcomes[i] = new RotatedFile(results[i].Path, null, error);
        }
    }

    private async Task<RotationVerification> PrepareAsync(RotationRequest request, string path, StagedFile staged, CancellationToken cancellationToken)
    {
        var header = AgeHeaderReader.ReadFile(path);
        if (!header.IsAge)
            throw new CageException(CageErrorCode.NotAgeFile, $"'{path}'");
        var newOptions = request.New with { Armor = header.Format == AgeFileFormat.Armored };
        var plaintextHash = await ReencryptAsync(path, staged.Path, request.Old(path), newOptions, cancellationToken).ConfigureAwait(false);
        return await VerifyAsync(request, staged.Path, plaintextHash, cancellationToken).ConfigureAwait(false);
    }

    private async Task<byte[]> ReencryptAsync(string path, string stagedPath, DecryptOptions oldKeys, EncryptOptions newKeys, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var input = Files.AgeFileOperations.OpenInput(path);
        await using var output = new FileStream(stagedPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
        Files.TempFileLock.TryAcquire(output.SafeFileHandle); // live until closed: a later run must not take it for a crash's leftover
        using var pipeOut = new AnonymousPipeServerStream(PipeDirection.Out);
        using var pipeIn = new AnonymousPipeClientStream(PipeDirection.In, pipeOut.ClientSafePipeHandle);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var decrypt = Task.Run(async () =>
        {
            try
            {
                await using var hashing = new HashingWriteStream(pipeOut, hash);
                await _decryptEngine.DecryptAsync(input, hashing, oldKeys, failed.Token).ConfigureAwait(false);
            }
            catch
            {
                failed.Cancel();
                throw;
            }
            finally
            {
                pipeOut.Dispose();
            }
        }, CancellationToken.None);
        var encrypt = Task.Run(async () =>
        {
            try
            {
                await _encryptEngine.EncryptAsync(pipeIn, output, newKeys, failed.Token).ConfigureAwait(false);
            }
            catch
            {
                failed.Cancel();
                throw;
            }
        }, CancellationToken.None);
        await WhenBothAsync(decrypt, encrypt).ConfigureAwait(false);
        output.Flush(flushToDisk: true);
        return hash.GetHashAndReset();
    }

    // Reports the decrypt failure first: when the old key is wrong, the encrypt side only sees a cancellation.
    private static async Task WhenBothAsync(Task decrypt, Task encrypt)
    {
        try
        {
            await Task.WhenAll(decrypt, encrypt).ConfigureAwait(false);
        }
        catch
        {
            if (decrypt.Exception?.InnerException is CageException d)
                throw d;
            if (encrypt.Exception?.InnerException is CageException e)
                throw e;
            throw;
        }
    }

    private async Task<RotationVerification> VerifyAsync(RotationRequest request, string stagedPath, byte[] expectedHash, CancellationToken cancellationToken)
    {
        var header = AgeHeaderReader.ReadFile(stagedPath);
        var expectedStanzas = request.New.Passphrase is null ? request.New.Recipients.Count : 1;
        if (!header.IsWellFormed || header.StanzaTypes.Count != expectedStanzas)
            throw new CageException(CageErrorCode.InvalidAgeOutput, $"re-encrypted '{stagedPath}' has an unexpected header");
        if (request.Verify is null)
            return RotationVerification.Header;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using var input = Files.AgeFileOperations.OpenInput(stagedPath);
            await using var hashing = new HashingWriteStream(Stream.Null, hash);
            await _encryptEngine.DecryptAsync(input, hashing, request.Verify, cancellationToken).ConfigureAwait(false);
        }
        catch (CageException e) when (e.Code is CageErrorCode.NoIdentityMatched)
        {
            return RotationVerification.Header;
        }
        if (!CryptographicOperations.FixedTimeEquals(hash.GetHashAndReset(), expectedHash))
            throw new CageException(CageErrorCode.InvalidAgeOutput, "the re-encrypted file does not decrypt to the original plaintext");
        return RotationVerification.Deep;
    }

    private static void Swap(IReadOnlyList<StagedFile> staged)
    {
        var swapped = new List<StagedFile>();
        try
        {
            foreach (var file in staged)
            {
                file.Swap();
                swapped.Add(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var file in swapped)
                file.Restore();
            throw new CageException(CageErrorCode.OutputNotWritable, $"replacing the files failed, every original was restored: {e.Message}", e);
        }
        foreach (var file in staged)
            file.DropBackup();
    }
}
