using Cage.Adapter.Files;
namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// A read-only stream over another with a small buffer in front, so the header can be read line by line
/// (and the start peeked for armor) without losing the payload bytes that follow in the same read.
/// </summary>
internal sealed class InputBuffer : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;
    private bool _eof;

    public InputBuffer(Stream inner) => _inner = inner;

    /// <summary>Up to <paramref name="count"/> bytes from the current position, without consuming them (fewer at end of input).</summary>
    public async ValueTask<ReadOnlyMemory<byte>> PeekAsync(int count, CancellationToken cancellationToken)
    {
        count = Math.Min(count, _buffer.Length);
        while (_end - _start < count && !_eof)
            await FillAsync(cancellationToken).ConfigureAwait(false);
        return _buffer.AsMemory(_start, Math.Min(count, _end - _start));
    }

    /// <summary>
    /// The next line without its '\n'; null at end of input. A final line without '\n' is returned with
    /// Terminated false. Throws <paramref name="tooLong"/> past <paramref name="maxLength"/>.
    /// </summary>
    public async ValueTask<(byte[]? Line, bool Terminated)> ReadLineAsync(int maxLength, CancellationToken cancellationToken,
        CageErrorCode tooLong = CageErrorCode.HeaderCorrupted)
    {
        var line = new List<byte>();
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var take = newline >= 0 ? newline - _start : _end - _start;
            if (line.Count + take > maxLength)
                throw new CageException(tooLong, "a line is too long");
            line.AddRange(new ArraySegment<byte>(_buffer, _start, take));
            _start += take;
            if (newline >= 0)
            {
                _start++;
                return (line.ToArray(), true);
            }
            if (_eof || !await FillAsync(cancellationToken).ConfigureAwait(false))
                return (line.Count == 0 ? null : line.ToArray(), false);
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
            _start = _end = 0;
        else if (_end == _buffer.Length)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        var read = await _inner.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
            _eof = true;
        _end += read;
        return read > 0;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (_start < _end)
        {
            var count = Math.Min(destination.Length, _end - _start);
            _buffer.AsMemory(_start, count).CopyTo(destination);
            _start += count;
            return count;
        }
        return _eof ? 0 : await _inner.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
    }
}
