namespace Cage.Adapter.Tests.Passphrases;

/// <summary>Input that hands out its first bytes, then blocks until <see cref="Open"/>: keeps age running while a test looks at it.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class GateStream : Stream
{
    private readonly byte[] _head;
    private readonly byte[] _tail;
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _position;

    public GateStream(byte[] head, byte[] tail)
    {
        _head = head;
        _tail = tail;
    }

    public void Open() => _gate.TrySetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= _head.Length)
            await _gate.Task.WaitAsync(cancellationToken);
        var all = _head.Concat(_tail).ToArray();
        var count = Math.Min(buffer.Length, (_position < _head.Length ? _head.Length : all.Length) - _position);
        all.AsMemory(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
