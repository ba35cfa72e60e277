using System.Threading.Channels;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// Read → transform in parallel → write, in order, with bounded memory. The reader fills segments and holds one
/// back until it knows whether more input follows (so the final chunk is marked); each segment is transformed on
/// the thread pool; the writer awaits them in input order. At most <c>2 × parallelism</c> segments are queued.
/// With parallelism 1 everything runs on the calling flow, one segment at a time.
/// </summary>
internal sealed class SegmentPipeline
{
    private readonly int _chunkSize;
    private readonly int _chunksPerSegment;
    private readonly int _outputSegmentSize;
    private readonly Action<PayloadSegment> _transform;

    /// <param name="chunkSize">Input bytes per chunk (plaintext chunk on encrypt, encrypted chunk on decrypt).</param>
    /// <param name="chunksPerSegment">Chunks per unit of parallel work.</param>
    /// <param name="outputSegmentSize">Output capacity needed per segment.</param>
    /// <param name="transform">Fills a segment's output from its input; throws on failure.</param>
    public SegmentPipeline(int chunkSize, int chunksPerSegment, int outputSegmentSize, Action<PayloadSegment> transform)
    {
        _chunkSize = chunkSize;
        _chunksPerSegment = chunksPerSegment;
        _outputSegmentSize = outputSegmentSize;
        _transform = transform;
    }

    private int InputSegmentSize => _chunkSize * _chunksPerSegment;

    public async Task RunAsync(Stream input, Stream output, int parallelism, CancellationToken cancellationToken)
    {
        if (parallelism <= 1)
        {
            await ProduceAsync(input, segment => TransformAndWriteAsync(segment, output, cancellationToken), cancellationToken).ConfigureAwait(false);
            return;
        }
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
            await ProduceAsync(input, segment => queue.WriteAsync(Task.Run(() => Transform(segment), cancellationToken), cancellationToken), cancellationToken).ConfigureAwait(false);
            queue.TryComplete();
        }
        catch (Exception e)
        {
            queue.TryComplete(e);
            throw;
        }
    }

    private async ValueTask TransformAndWriteAsync(PayloadSegment segment, Stream output, CancellationToken cancellationToken) =>
        await WriteAsync(Transform(segment), output, cancellationToken).ConfigureAwait(false);

    private static async Task WriteAsync(PayloadSegment segment, Stream output, CancellationToken cancellationToken)
    {
        try
        {
            await output.WriteAsync(segment.Output.AsMemory(0, segment.OutputLength), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            segment.Release();
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
            segment.Release();
            throw;
        }
    }

    /// <summary>Reads segments and dispatches each once it is known whether it is the last.</summary>
    private async Task ProduceAsync(Stream input, Func<PayloadSegment, ValueTask> dispatch, CancellationToken cancellationToken)
    {
        long nextChunk = 0;
        PayloadSegment? pending = null;
        while (true)
        {
            var segment = new PayloadSegment(InputSegmentSize, _outputSegmentSize);
            try
            {
                segment.InputLength = await input.ReadAtLeastAsync(segment.Input.AsMemory(0, InputSegmentSize), InputSegmentSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                segment.Release();
                pending?.Release();
                throw;
            }
            if (pending is not null)
            {
                pending.Final = segment.InputLength == 0;
                await dispatch(pending).ConfigureAwait(false);
                pending = null;
                if (segment.InputLength == 0)
                {
                    segment.Release();
                    return;
                }
            }
            segment.FirstChunk = nextChunk;
            nextChunk += segment.ChunkCount(_chunkSize);
            if (segment.InputLength < InputSegmentSize)
            {
                segment.Final = true;
                await dispatch(segment).ConfigureAwait(false);
                return;
            }
            pending = segment;
        }
    }

    private static async Task DrainAsync(Task producer, ChannelReader<Task<PayloadSegment>> queue)
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
                (await work.ConfigureAwait(false)).Release();
            }
            catch
            {
                // A failed transform has released its segment already.
            }
        }
    }
}
