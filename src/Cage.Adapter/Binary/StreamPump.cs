using System.Buffers;

namespace Cage.Adapter.Binary;

/// <summary>
/// Copies between our streams and age's pipes, keeping apart the two ways a copy fails: our side (input
/// unreadable, output not writable: a Cage error) and age's side (it closed its stdin early: not an error
/// here, its exit status tells why).
/// </summary>
internal static class StreamPump
{
    /// <summary>Default copy buffer: measured against 64 KiB in the benchmark (docs/performance.md).</summary>
    public const int DefaultBufferSize = 1 << 20;

    /// <summary>
    /// Feeds age's stdin. A file input is copied by a dedicated thread with blocking calls (no async hops per
    /// chunk, and a file read cannot hang); any other stream is copied asynchronously.
    /// </summary>
    public static Task<CageException?> FeedAsync(Stream input, Stream ageStdin, AgeRunSettings settings, CancellationToken cancellationToken)
    {
        PipeTuning.TryGrow(ageStdin);
        return input is FileStream
            ? OnDedicatedThread(() => FeedAsync(input, ageStdin, settings.BufferSize, cancellationToken).GetAwaiter().GetResult())
            : FeedAsync(input, ageStdin, settings.BufferSize, cancellationToken);
    }

    /// <summary>Drains age's stdout, on a dedicated blocking thread when the output is a file or memory.</summary>
    public static Task<CageException?> DrainAsync(Stream ageStdout, Stream output, OutputProbe probe, AgeRunSettings settings, CancellationToken cancellationToken)
    {
        PipeTuning.TryGrow(ageStdout);
        return output is FileStream or MemoryStream or Files.WritebackFileStream
            ? OnDedicatedThread(() => DrainAsync(ageStdout, output, probe, settings.BufferSize, cancellationToken).GetAwaiter().GetResult())
            : DrainAsync(ageStdout, output, probe, settings.BufferSize, cancellationToken);
    }

    private static Task<CageException?> OnDedicatedThread(Func<CageException?> copy) =>
        Task.Factory.StartNew(copy, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Copies <paramref name="input"/> into age's stdin. Returns our failure, if any.</summary>
    public static async Task<CageException?> FeedAsync(Stream input, Stream ageStdin, int bufferSize, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await input.ReadAsync(buffer.AsMemory(0, bufferSize), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
                {
                    return new CageException(CageErrorCode.InputUnreadable, e.Message, e);
                }
                if (read == 0)
                    return null;
                try
                {
                    await ageStdin.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    return null; // age closed stdin (EPIPE): it exited early and its status says why.
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Copies age's stdout into <paramref name="output"/>. Returns our failure, if any.</summary>
    public static async Task<CageException?> DrainAsync(Stream ageStdout, Stream output, OutputProbe probe, int bufferSize, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            int read;
            while ((read = await ageStdout.ReadAsync(buffer.AsMemory(0, bufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                probe.Observe(buffer.AsSpan(0, read));
                try
                {
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
                {
                    return new CageException(CageErrorCode.OutputNotWritable, e.Message, e);
                }
            }
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
