using Cage.Adapter.Files;
namespace Cage.Adapter.Headers;

/// <summary>Reads a buffered prefix first, then the rest of the inner stream.</summary>
internal sealed class ReplayStream : ReadOnlyStream
{
    private readonly byte[] _prefix;
    private readonly Stream _inner;
    private int _offset;

    public ReplayStream(byte[] prefix, Stream inner)
    {
        _prefix = prefix;
        _inner = inner;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_offset < _prefix.Length)
            return CopyPrefix(buffer);
        return _inner.Read(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_offset < _prefix.Length)
            return CopyPrefix(buffer.Span);
        return await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    private int CopyPrefix(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _prefix.Length - _offset);
        _prefix.AsSpan(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }
}
