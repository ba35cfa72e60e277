using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// Read → transform in parallel → write, in order, with bounded memory. The reader fills segments
/// and holds one back until it knows whether more input follows (so the final chunk is marked); each segment is
/// transformed on the thread pool; the writer awaits them in input order. At most <c>2 × parallelism</c> segments
/// are queued, and segment buffers are recycled. With parallelism 1 everything runs on the calling flow.
/// Segments are large (about 2 MiB) so that hand-offs between threads are rare even on a busy machine.
/// </summary>
internal sealed class SegmentPipeline
{
    /// <summary>31 encrypted chunks fit the pool's 2 MiB bucket.</summary>
    public const int ChunksPerSegment = 31;

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
        var queue = Channel.CreateBounded<Task<PayloadSegment>>(new BoundedChannelOptions(2 * parallelism) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => ProduceToQueueAsync(input, queue.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                await WriteAsync(await work.ConfigureAwait(false), output, stop.Token).ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
        catch
        {
            stop.Cancel();
            await DrainAsync(producer, queue.Reader).ConfigureAwait(false);
            throw;
        }
    }

    private async Task ProduceToQueueAsync(Stream input, ChannelWriter<Task<PayloadSegment>> queue, CancellationToken cancellationToken)
    {
        try
        {
            await ProduceAsync(input, segment => EnqueueAsync(queue, segment, cancellationToken), cancellationToken).ConfigureAwait(false);
            queue.TryComplete();
        }
        catch (Exception e)
        {
            queue.TryComplete(e);
            throw;
        }
    }

    /// <summary>Starts the transform and queues it; a transform that cannot be queued still gets its buffer zeroed and returned.</summary>
    private async ValueTask EnqueueAsync(ChannelWriter<Task<PayloadSegment>> queue, PayloadSegment segment, CancellationToken cancellationToken)
    {
        var work = Task.Run(() => Transform(segment));
        try
        {
            await queue.WriteAsync(work, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _ = work.ContinueWith(t => Return(t.Result), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }
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
    /// Reads a whole segment of input, contiguous, in one call (one thread hop per 2 MiB rather than per chunk);
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
