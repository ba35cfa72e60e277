namespace Cage.Build.Tasks;

/// <summary>
/// A write-only stream that compares what is written to it with a file, keeping nothing: decrypting an existing
/// ciphertext into it tells whether the ciphertext already holds the plaintext, without the plaintext touching disk.
/// </summary>
internal sealed class PlaintextComparison : Stream
{
    private readonly Stream _expected;
    private byte[] _buffer = Array.Empty<byte>();

    public PlaintextComparison(Stream expected) => _expected = expected;

    /// <summary>False once any written byte differed.</summary>
    public bool Equal { get; private set; } = true;

    /// <summary>True when everything written matched and the expected file has nothing left.</summary>
    public bool MatchedToEnd() => Equal && _expected.ReadByte() == -1;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!Equal)
            return;
        if (_buffer.Length < buffer.Length)
            _buffer = new byte[buffer.Length];
        var expected = _buffer.AsSpan(0, buffer.Length);
        var read = 0;
        while (read < expected.Length)
        {
            var n = _expected.Read(expected[read..]);
            if (n == 0)
                break;
            read += n;
        }
        Equal = read == buffer.Length && expected.SequenceEqual(buffer);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _expected.Dispose();
        base.Dispose(disposing);
    }
}
