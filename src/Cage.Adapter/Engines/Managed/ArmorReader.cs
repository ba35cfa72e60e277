using Cage.Adapter.Files;
using System.Text;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// Strips armor as age 1.1 does: up to 1 KiB of leading whitespace, the exact header line, lines of at most
/// 64 columns of strict padded base64 (a shorter line must be the last), the footer, then at most 1 KiB of
/// whitespace. LF or CRLF line endings. Anything else is rejected.
/// </summary>
internal sealed class ArmorReader : ReadOnlyStream
{
    private const int MaxLine = 128;
    private readonly InputBuffer _input;
    private byte[] _decoded = Array.Empty<byte>();
    private int _offset;
    private bool _started;
    private bool _done;

    public ArmorReader(InputBuffer input) => _input = input;

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        while (_offset == _decoded.Length)
        {
            if (_done)
                return 0;
            await DecodeNextLineAsync(cancellationToken).ConfigureAwait(false);
        }
        var count = Math.Min(destination.Length, _decoded.Length - _offset);
        _decoded.AsMemory(_offset, count).CopyTo(destination);
        _offset += count;
        return count;
    }

    private async Task DecodeNextLineAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            await ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            _started = true;
        }
        var line = await LineAsync(cancellationToken).ConfigureAwait(false);
        if (line == AgeArmor.Footer)
        {
            await DrainTrailingAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        if (line.Length > AgeV1.ColumnsPerLine)
            throw Corrupt("an armor line is longer than 64 columns");
        _decoded = DecodeStrict(line);
        _offset = 0;
        if (_decoded.Length < AgeV1.BytesPerLine)
        {
            if (await LineAsync(cancellationToken).ConfigureAwait(false) != AgeArmor.Footer)
                throw Corrupt("a short armor line is not followed by the footer");
            await DrainTrailingAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var whitespace = 0;
        while (true)
        {
            var line = await LineAsync(cancellationToken).ConfigureAwait(false);
            if (line.Trim().Length == 0)
            {
                whitespace += line.Length + 1;
                if (whitespace > AgeArmor.MaxWhitespace)
                    throw new CageException(CageErrorCode.NotAgeFile, "too much whitespace before the armor");
                continue;
            }
            if (line != AgeArmor.Header)
                throw new CageException(CageErrorCode.NotAgeFile, "the armor header line is not exact");
            return;
        }
    }

    private async Task DrainTrailingAsync(CancellationToken cancellationToken)
    {
        _done = true;
        var rest = await _input.PeekAsync(AgeArmor.MaxWhitespace + 1, cancellationToken).ConfigureAwait(false);
        foreach (var b in rest.Span)
        {
            if (!AgeArmor.IsWhitespace(b))
                throw Corrupt("trailing data after the armor footer");
        }
        if (rest.Length > AgeArmor.MaxWhitespace)
            throw Corrupt("too much whitespace after the armor footer");
    }

    private async Task<string> LineAsync(CancellationToken cancellationToken)
    {
        var (line, _) = await _input.ReadLineAsync(MaxLine, cancellationToken, CageErrorCode.PayloadCorrupted).ConfigureAwait(false);
        if (line is null)
            throw new CageException(CageErrorCode.Truncated, "the armored file ends before its footer");
        var length = line.Length > 0 && line[^1] == (byte)'\r' ? line.Length - 1 : line.Length;
        if (line.AsSpan(0, length).IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0)
            throw Corrupt("the armor holds a non-printable byte");
        return Encoding.ASCII.GetString(line, 0, length);
    }

    private static byte[] DecodeStrict(string line)
    {
        // Strict: correct padding, no whitespace, and canonical (zero spare bits), checked by re-encoding.
        if (line.Length % 4 != 0 || line.Any(char.IsWhiteSpace))
            throw Corrupt("an armor line is not canonical base64");
        byte[] data;
        try
        {
            data = Convert.FromBase64String(line);
        }
        catch (FormatException)
        {
            throw Corrupt("an armor line is not base64");
        }
        if (Convert.ToBase64String(data) != line)
            throw Corrupt("an armor line is not canonical base64");
        return data;
    }

    private static CageException Corrupt(string detail) => new(CageErrorCode.PayloadCorrupted, detail);
}
