using System.Buffers;
using Cage.Adapter.Binary;
using Cage.Adapter.Files;

namespace Cage.Adapter.Passphrases;

/// <summary>
/// The conservative path: age writes its output into a 0600 file inside a fresh 0700 private folder
/// (<c>age -p -o OUT IN</c> / <c>age -d -o OUT IN</c>), with the terminal as its only interaction, and the result
/// is then delivered to the destination. An input that is not a file is staged in the folder first; a file input
/// is age's stdin as it is (staging would only copy it). Delivery into an atomic write on the same file system is
/// a rename (<see cref="AtomicFile.TryAdopt"/>), into another file a kernel copy (<see cref="KernelCopy"/>). The folder and everything in it is removed on success, failure and cancellation.
/// </summary>
internal static class TempFileStrategy
{
    private const string InputName = "input";
    private const string OutputName = "output";

    public static Task EncryptAsync(AgeBinary age, Stream input, Stream output, Passphrase passphrase, bool armor, PassphraseRunSettings settings, CancellationToken cancellationToken) =>
        RunAsync(age, (outPath, inPath) => AgeArguments.EncryptWithPassphrase(armor, outPath, inPath), input, output, passphrase, settings, cancellationToken);

    public static Task DecryptAsync(AgeBinary age, Stream input, Stream output, Passphrase passphrase, PassphraseRunSettings settings, CancellationToken cancellationToken) =>
        RunAsync(age, AgeArguments.DecryptWithPassphrase, input, output, passphrase, settings, cancellationToken);

    private static async Task RunAsync(AgeBinary age, Func<string, string?, IReadOnlyList<string>> arguments, Stream input, Stream output,
        Passphrase passphrase, PassphraseRunSettings settings, CancellationToken cancellationToken)
    {
        using var folder = CreateFolder(settings);
        var fileInput = settings.DirectFiles ? DirectFiles.AsFile(input) : null;
        if (fileInput is null)
            await StageAsync(input, folder, settings.BufferSize, cancellationToken).ConfigureAwait(false);
        // Created empty and 0600 first: age opens it with O_TRUNC and keeps the mode, so plaintext is never wider.
        folder.CreatePrivateFile(OutputName).Dispose();
        var argv = arguments(folder.Combine(OutputName), fileInput is null ? folder.Combine(InputName) : null);
        await PtyAgeRun.RunAsync(age, argv, passphrase, input: fileInput, output: null, settings, cancellationToken).ConfigureAwait(false);
        await DeliverAsync(folder.Combine(OutputName), output, settings, cancellationToken).ConfigureAwait(false);
    }

    private static PrivateTempFolder CreateFolder(PassphraseRunSettings settings)
    {
        try
        {
            return PrivateTempFolder.Create(settings.TempRoot, settings.Environment);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CageException(CageErrorCode.OutputNotWritable, $"cannot create a private temp folder: {e.Message}", e,
                hint: "check that CAGE_TEMP_DIR (or the system temp folder) exists and is writable, or use the pipe strategy");
        }
    }

    private static async Task StageAsync(Stream input, PrivateTempFolder folder, int bufferSize, CancellationToken cancellationToken)
    {
        await using var staged = folder.CreatePrivateFile(InputName, bufferSize: 0);
        await CopyAsync(input, staged, bufferSize, null, CageErrorCode.InputUnreadable, CageErrorCode.OutputNotWritable, cancellationToken).ConfigureAwait(false);
    }

    private static async Task DeliverAsync(string resultPath, Stream output, PassphraseRunSettings settings, CancellationToken cancellationToken)
    {
        var probe = settings.DirectFiles && output is WritebackFileStream atomic && atomic.TryAdopt(resultPath)
            ? OutputProbe.OfFile(atomic.File, 0, atomic.File.Length)
            : await CopyResultAsync(resultPath, output, settings, cancellationToken).ConfigureAwait(false);
        if (settings.Operation == AgeOperation.Encrypt && !probe.LooksLikeAgeFile)
            throw new CageException(CageErrorCode.InvalidAgeOutput, $"age exited 0 but did not write an age file ({probe.BytesSeen} bytes)");
    }

    /// <summary>Into a file by kernel copy when possible, else through a buffer; returns what was seen of it.</summary>
    private static async Task<OutputProbe> CopyResultAsync(string resultPath, Stream output, PassphraseRunSettings settings, CancellationToken cancellationToken)
    {
        await using var result = new FileStream(resultPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        if (settings.DirectFiles && DirectFiles.AsFile(output) is { CanWrite: true } outputFile && KernelCopy.TryCopyToEnd(result, outputFile))
        {
            cancellationToken.ThrowIfCancellationRequested();
            return OutputProbe.OfFile(result, 0, result.Length);
        }
        var probe = new OutputProbe();
        await CopyAsync(result, output, settings.BufferSize, probe, CageErrorCode.AgeFailed, CageErrorCode.OutputNotWritable, cancellationToken).ConfigureAwait(false);
        return probe;
    }

    /// <summary>Copies, telling a read failure from a write failure (both become coded errors).</summary>
    private static async Task CopyAsync(Stream source, Stream destination, int bufferSize, OutputProbe? probe,
        CageErrorCode readFailure, CageErrorCode writeFailure, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await source.ReadAsync(buffer.AsMemory(0, bufferSize), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
                {
                    throw new CageException(readFailure, e.Message, e);
                }
                if (read == 0)
                    return;
                probe?.Observe(buffer.AsSpan(0, read));
                try
                {
                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
                {
                    throw new CageException(writeFailure, e.Message, e);
                }
            }
        }
        finally
        {
            Array.Clear(buffer, 0, bufferSize); // may hold plaintext
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
