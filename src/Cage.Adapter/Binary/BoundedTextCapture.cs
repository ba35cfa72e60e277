using System.Text;

namespace Cage.Adapter.Binary;

/// <summary>Keeps the first <c>limit</c> bytes of a stream (age's stderr) and drains the rest.</summary>
internal sealed class BoundedTextCapture
{
    private readonly int _limit;
    private readonly MemoryStream _kept = new();

    public BoundedTextCapture(int limit = 16 * 1024) => _limit = limit;

    public async Task DrainAsync(Stream source, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            Keep(buffer.AsSpan(0, read));
    }

    /// <summary>Blocking variant of <see cref="DrainAsync"/>, for a thread that has nothing else to do.</summary>
    public void Drain(Stream source)
    {
        var buffer = new byte[4096];
        int read;
        while ((read = source.Read(buffer)) > 0)
            Keep(buffer.AsSpan(0, read));
    }

    private void Keep(ReadOnlySpan<byte> chunk)
    {
        var room = _limit - (int)_kept.Length;
        if (room > 0)
            _kept.Write(chunk[..Math.Min(room, chunk.Length)]);
    }

    public override string ToString() => Encoding.UTF8.GetString(_kept.GetBuffer(), 0, (int)_kept.Length);
}
