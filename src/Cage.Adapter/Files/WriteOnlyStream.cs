namespace Cage.Adapter.Files;

/// <summary>
/// Base of the adapter's forward-only, write-only stream views (armor encoding, hashing, disk writeback): the
/// members such a view does not support are said once here; a subclass implements its writes (and may still report
/// a length, a position or a real flush).
/// </summary>
internal abstract class WriteOnlyStream : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
