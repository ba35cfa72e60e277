using Cage.Adapter.Interop;

namespace Cage.Adapter.Files;

/// <summary>
/// A write-only view of a <see cref="FileStream"/> that asks Linux to start writing each 8 MiB to disk as soon as
/// it is written (sync_file_range, no waiting). The final fsync before an atomic rename then only waits for the
/// tail instead of the whole file, so durability costs little on large files.
/// </summary>
internal sealed class WritebackFileStream : WriteOnlyStream
{
    private const long Window = 8L << 20;
    private const uint SYNC_FILE_RANGE_WRITE = 2;

    private readonly AtomicFile? _owner;
    private FileStream _file;
    private long _scheduledUpTo;

    public WritebackFileStream(FileStream file, AtomicFile? owner = null)
    {
        _file = file;
        _owner = owner;
    }

    public FileStream File => _file;

    /// <summary>See <see cref="AtomicFile.TryAdopt"/>; false when this stream does not belong to an atomic file.</summary>
    public bool TryAdopt(string path) => _owner?.TryAdopt(path) ?? false;

    /// <summary>Continues on <paramref name="file"/> (its owner adopted another file).</summary>
    internal void Retarget(FileStream file)
    {
        _file = file;
        _scheduledUpTo = file.Length; // already complete on disk as far as we are concerned
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _file.Write(buffer);
        StartWriteback();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _file.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        StartWriteback();
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void StartWriteback()
    {
        if (!OperatingSystem.IsLinux() || _file.Position - _scheduledUpTo < Window)
            return;
        _file.Flush(); // hand FileStream's buffer (if any) to the kernel first
        var upTo = _file.Position;
        _ = Libc.sync_file_range((int)_file.SafeFileHandle.DangerousGetHandle(), _scheduledUpTo, upTo - _scheduledUpTo, SYNC_FILE_RANGE_WRITE);
        _scheduledUpTo = upTo;
    }

    public override void Flush() => _file.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => _file.FlushAsync(cancellationToken);
    public override long Length => _file.Length;
    public override long Position { get => _file.Position; set => throw new NotSupportedException(); }
}
