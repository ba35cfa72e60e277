namespace Cage.Testing;

/// <summary>
/// A readable stream that serves <c>head</c>, then waits for <see cref="Release"/> before serving <c>tail</c>:
/// keeps a child process alive mid-stream so a test can look at it.
/// </summary>
public sealed class GatedStream : Stream
{
    private readonly byte[] _data;
    private readonly int _gateAt;
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _reachedGate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _position;

    public GatedStream(byte[] data, int gateAt)
    {
        _data = data;
        _gateAt = gateAt;
    }

    /// <summary>Completes when everything before the gate has been read.</summary>
    public Task ReachedGate => _reachedGate.Task;

    public void Release() => _gate.TrySetResult();

    public void Fail(Exception e) => _gate.TrySetException(e);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position == _gateAt)
        {
            _reachedGate.TrySetResult();
            await _gate.Task.WaitAsync(cancellationToken);
        }
        var limit = _position < _gateAt ? _gateAt : _data.Length;
        var count = Math.Min(buffer.Length, limit - _position);
        _data.AsMemory(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _data.Length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
