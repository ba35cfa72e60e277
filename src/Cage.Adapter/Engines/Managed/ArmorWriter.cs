using System.Text;
using Cage.Adapter.Files;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// Writes armor around what is written to it: header line, 64-column lines of padded base64, the last shorter
/// (none when the data fills whole lines), footer line. Call <see cref="FinishAsync"/> to write the tail.
/// </summary>
internal sealed class ArmorWriter : WriteOnlyStream
{
    private readonly Stream _inner;
    private readonly byte[] _pending = new byte[AgeV1.BytesPerLine];
    private readonly MemoryStream _out = new();
    private int _pendingLength;
    private bool _started;

    public ArmorWriter(Stream inner) => _inner = inner;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        Encode(source.Span);
        await FlushEncodedAsync(cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        StartIfNeeded();
        if (_pendingLength > 0)
            WriteLine(_pending.AsSpan(0, _pendingLength));
        _pendingLength = 0;
        _out.Write(Encoding.ASCII.GetBytes(AgeArmor.Footer + "\n"));
        await FlushEncodedAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Encode(ReadOnlySpan<byte> data)
    {
        StartIfNeeded();
        while (!data.IsEmpty)
        {
            var take = Math.Min(data.Length, _pending.Length - _pendingLength);
            data[..take].CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += take;
            data = data[take..];
            if (_pendingLength == _pending.Length)
            {
                WriteLine(_pending);
                _pendingLength = 0;
            }
        }
    }

    private void StartIfNeeded()
    {
        if (_started)
            return;
        _started = true;
        _out.Write(Encoding.ASCII.GetBytes(AgeArmor.Header + "\n"));
    }

    private void WriteLine(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[AgeV1.ColumnsPerLine];
        Convert.TryToBase64Chars(bytes, chars, out var written);
        Span<byte> line = stackalloc byte[AgeV1.ColumnsPerLine + 1];
        for (var i = 0; i < written; i++)
            line[i] = (byte)chars[i];
        line[written] = (byte)'\n';
        _out.Write(line[..(written + 1)]);
    }

    private async Task FlushEncodedAsync(CancellationToken cancellationToken)
    {
        if (_out.Length == 0)
            return;
        await _inner.WriteAsync(_out.GetBuffer().AsMemory(0, (int)_out.Length), cancellationToken).ConfigureAwait(false);
        _out.SetLength(0);
    }
}
