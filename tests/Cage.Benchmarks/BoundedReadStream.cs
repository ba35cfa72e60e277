namespace Cage.Benchmarks;

/// <summary>Reads at most <c>limit</c> bytes of an inner stream (for the 64 MiB memory reference run).</summary>
internal sealed class BoundedReadStream : Cage.Adapter.Files.ReadOnlyStream
{
    private readonly Stream _inner;
    private long _remaining;

    public BoundedReadStream(Stream inner, long limit)
    {
        _inner = inner;
        _remaining = limit;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_remaining <= 0)
            return 0;
        var read = await _inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _remaining)], cancellationToken);
        _remaining -= read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }
}
