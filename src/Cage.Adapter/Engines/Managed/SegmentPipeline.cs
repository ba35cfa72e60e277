using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// Read → transform in parallel → write, in order, with bounded memory. The reader fills segments
/// and holds one back until it knows whether more input follows (so the final chunk is marked); each segment is
/// transformed on one of <c>parallelism</c> dedicated threads; the writer awaits them in input order. At most <c>2 × parallelism</c> segments
/// are queued, and segment buffers are recycled. With parallelism 1 everything runs on the calling flow.
/// Segments are large (about 1 MiB) so that hand-offs between threads are rare even on a busy machine.
/// </summary>
internal sealed class SegmentPipeline
{
    /// <summary>15 encrypted chunks fit the pool's 1 MiB bucket: about 1 ms of cipher work per hand-off, and ~8 MiB in flight at 2 cores.</summary>
    public const int ChunksPerSegment = 15;

    private readonly int _chunkSize;
    private readonly bool _inputIsPlaintext;
    private readonly Action<PayloadSegment> _transform;
    private readonly ConcurrentBag<PayloadSegment> _free = new();

    /// <param name="chunkSize">Input bytes per chunk: plaintext chunk size to encrypt, encrypted chunk size to decrypt.</param>
    /// <param name="inputIsPlaintext">True to encrypt (input buffers hold plaintext until transformed).</param>
    /// <param name="transform">Transforms a segment in place; throws on failure.</param>
    public SegmentPipeline(int chunkSize, bool inputIsPlaintext, Action<PayloadSegment> transform)
    {
        _chunkSize = chunkSize;
        _inputIsPlaintext = inputIsPlaintext;
        _transform = transform;
    }

    public async Task RunAsync(Stream input, Stream output, int parallelism, CancellationToken cancellationToken)
    {
        try
        {
            if (parallelism <= 1)
                await ProduceAsync(input, segment => TransformAndWriteAsync(segment, output, cancellationToken), cancellationToken).ConfigureAwait(false);
            else
                await RunInParallelAsync(input, output, parallelism, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            while (_free.TryTake(out var segment))
                segment.ReturnBuffer();
        }
    }

    private async Task RunInParallelAsync(Stream input, Stream output, int parallelism, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Results in input order (bounded: this is the memory limit) and work for the transform threads.
        var ordered = Channel.CreateBounded<Task<PayloadSegment>>(new BoundedChannelOptions(2 * parallelism) { SingleReader = true, SingleWriter = true });
        var work = Channel.CreateUnbounded<(PayloadSegment Segment, TaskCompletionSource<PayloadSegment> Result)>(new UnboundedChannelOptions { SingleWriter = true });
        // Dedicated threads for the cipher work, so that the thread pool stays free for the file I/O around it.
        var workers = Enumerable.Range(0, parallelism)
            .Select(_ => Task.Factory.StartNew(() => TransformLoop(work.Reader), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        var producer = Task.Run(() => ProduceToQueueAsync(input, ordered.Writer, work.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var result in ordered.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                await WriteAsync(await result.ConfigureAwait(false), output, stop.Token).ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
        catch
        {
            stop.Cancel();
            await DrainAsync(producer, ordered.Reader).ConfigureAwait(false);
            throw;
        }
        finally
        {
            work.Writer.TryComplete();
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
    }

    private void TransformLoop(ChannelReader<(PayloadSegment Segment, TaskCompletionSource<PayloadSegment> Result)> work)
    {
        while (work.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (work.TryRead(out var item))
            {
                try
                {
                    item.Result.SetResult(Transform(item.Segment));
                }
                catch (Exception e)
                {
                    item.Result.SetException(e);
                }
            }
        }
    }

    private async Task ProduceToQueueAsync(Stream input, ChannelWriter<Task<PayloadSegment>> ordered,
        ChannelWriter<(PayloadSegment, TaskCompletionSource<PayloadSegment>)> work, CancellationToken cancellationToken)
    {
        try
        {
            await ProduceAsync(input, segment => EnqueueAsync(ordered, work, segment, cancellationToken), cancellationToken).ConfigureAwait(false);
            ordered.TryComplete();
        }
        catch (Exception e)
        {
            ordered.TryComplete(e);
            throw;
        }
        finally
        {
            work.TryComplete();
        }
    }

    /// <summary>Reserves the segment's place in the output order (waiting while the queue is full), then hands it to a transform thread.</summary>
    private async ValueTask EnqueueAsync(ChannelWriter<Task<PayloadSegment>> ordered,
        ChannelWriter<(PayloadSegment, TaskCompletionSource<PayloadSegment>)> work, PayloadSegment segment, CancellationToken cancellationToken)
    {
        var result = new TaskCompletionSource<PayloadSegment>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await ordered.WriteAsync(result.Task, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Return(segment);
            throw;
        }
        work.TryWrite((segment, result));
    }

    private async ValueTask TransformAndWriteAsync(PayloadSegment segment, Stream output, CancellationToken cancellationToken) =>
        await WriteAsync(Transform(segment), output, cancellationToken).ConfigureAwait(false);

    private async Task WriteAsync(PayloadSegment segment, Stream output, CancellationToken cancellationToken)
    {
        try
        {
            await output.WriteAsync(segment.Buffer.AsMemory(0, segment.OutputLength), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Return(segment);
        }
    }

    private PayloadSegment Transform(PayloadSegment segment)
    {
        try
        {
            _transform(segment);
            return segment;
        }
        catch
        {
            Return(segment);
            throw;
        }
    }

    private PayloadSegment Rent() => _free.TryTake(out var segment) ? segment : new PayloadSegment(ChunksPerSegment);

    private void Return(PayloadSegment segment)
    {
        segment.Clear();
        _free.Add(segment);
    }

    /// <summary>Reads segments and dispatches each once it is known whether it is the last.</summary>
    private async Task ProduceAsync(Stream input, Func<PayloadSegment, ValueTask> dispatch, CancellationToken cancellationToken)
    {
        long nextChunk = 0;
        PayloadSegment? pending = null;
        try
        {
            while (true)
            {
                var segment = Rent();
                var full = await FillAsync(input, segment, cancellationToken).ConfigureAwait(false);
                if (pending is not null)
                {
                    pending.Final = segment.InputLength == 0;
                    var dispatched = pending;
                    pending = null;
                    await dispatch(dispatched).ConfigureAwait(false);
                    if (segment.InputLength == 0)
                    {
                        Return(segment);
                        return;
                    }
                }
                segment.FirstChunk = nextChunk;
                nextChunk += segment.ChunkCount(_chunkSize);
                if (!full)
                {
                    segment.Final = true;
                    await dispatch(segment).ConfigureAwait(false);
                    return;
                }
                pending = segment;
            }
        }
        finally
        {
            if (pending is not null)
                Return(pending);
        }
    }

    /// <summary>
    /// Reads a whole segment of input, contiguous, in one call (one thread hop per segment rather than per chunk);
    /// true when the segment is full (more input may follow).
    /// </summary>
    private async Task<bool> FillAsync(Stream input, PayloadSegment segment, CancellationToken cancellationToken)
    {
        segment.HoldsPlaintext = _inputIsPlaintext;
        var size = ChunksPerSegment * _chunkSize;
        try
        {
            segment.InputLength = await input.ReadAtLeastAsync(segment.Buffer.AsMemory(0, size), size, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Return(segment);
            throw;
        }
        return segment.InputLength == size;
    }

    private async Task DrainAsync(Task producer, ChannelReader<Task<PayloadSegment>> queue)
    {
        try
        {
            await producer.ConfigureAwait(false);
        }
        catch
        {
            // The first failure is the one reported.
        }
        while (queue.TryRead(out var work))
        {
            try
            {
                Return(await work.ConfigureAwait(false));
            }
            catch
            {
                // A failed transform has returned its segment already.
            }
        }
    }
}
