using System.Text;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// Parses an age v1 header strictly: exact version line, stanza argument lines of visible ASCII, body lines of
/// canonical unpadded base64 (64 columns, the last shorter), and the MAC line. Anything else is corruption.
/// </summary>
internal static class HeaderReader
{
    private const int MaxLineLength = 16 * 1024;
    private const int MaxStanzas = 4096;
    private const int MaxBodyLines = 1024;

    public static async Task<ParsedHeader> ReadAsync(InputBuffer input, CancellationToken cancellationToken)
    {
        var covered = new MemoryStream();
        var first = await NextLineAsync(input, covered, cancellationToken, notAge: true).ConfigureAwait(false);
        if (first != AgeV1.VersionLine)
            throw new CageException(CageErrorCode.NotAgeFile, first.StartsWith("age-encryption.org/", StringComparison.Ordinal) ? "unsupported age format version" : null);
        var stanzas = new List<Stanza>();
        while (true)
        {
            var line = await NextLineAsync(input, covered, cancellationToken).ConfigureAwait(false);
            if (line.StartsWith(AgeV1.StanzaPrefix, StringComparison.Ordinal))
            {
                if (stanzas.Count == MaxStanzas)
                    throw Corrupt("too many stanzas");
                stanzas.Add(await ReadStanzaAsync(line, input, covered, cancellationToken).ConfigureAwait(false));
                continue;
            }
            if (line.StartsWith(AgeV1.MacPrefix + " ", StringComparison.Ordinal))
                return Finish(stanzas, line, covered);
            throw Corrupt("unexpected line in the header");
        }
    }

    private static ParsedHeader Finish(List<Stanza> stanzas, string macLine, MemoryStream covered)
    {
        if (stanzas.Count == 0)
            throw Corrupt("the header has no recipient stanza");
        var mac = CanonicalBase64.Decode(macLine[(AgeV1.MacPrefix.Length + 1)..], "the header MAC", AgeV1.MacSize);
        var all = covered.ToArray();
        // The MAC covers everything up to and including "---", not the space and MAC that follow.
        var upToMac = all[..(all.Length - macLine.Length - 1 + AgeV1.MacPrefix.Length)];
        return new ParsedHeader(stanzas, mac, upToMac);
    }

    private static async Task<Stanza> ReadStanzaAsync(string line, InputBuffer input, MemoryStream covered, CancellationToken cancellationToken)
    {
        var arguments = line[AgeV1.StanzaPrefix.Length..].Split(' ');
        if (arguments.Any(a => a.Length == 0 || a.Any(c => c < 0x21 || c > 0x7E)))
            throw Corrupt("a stanza argument is empty or not printable ASCII");
        var body = new MemoryStream();
        for (var lines = 0; ; lines++)
        {
            if (lines == MaxBodyLines)
                throw Corrupt("a stanza body is too long");
            var bodyLine = await NextLineAsync(input, covered, cancellationToken).ConfigureAwait(false);
            if (bodyLine.Length > AgeV1.ColumnsPerLine)
                throw Corrupt("a stanza body line is longer than 64 columns");
            body.Write(CanonicalBase64.Decode(bodyLine, "a stanza body line"));
            if (bodyLine.Length < AgeV1.ColumnsPerLine)
                return new Stanza(arguments[0], arguments[1..], body.ToArray());
        }
    }

    private static async Task<string> NextLineAsync(InputBuffer input, MemoryStream covered, CancellationToken cancellationToken, bool notAge = false)
    {
        // A first line that runs long is some other file, not a corrupted age header.
        var (line, terminated) = notAge
            ? await input.ReadLineAsync(AgeV1.VersionLine.Length + 1, cancellationToken, CageErrorCode.NotAgeFile).ConfigureAwait(false)
            : await input.ReadLineAsync(MaxLineLength, cancellationToken).ConfigureAwait(false);
        if (line is null || !terminated)
        {
            if (notAge)
                throw new CageException(CageErrorCode.NotAgeFile);
            throw new CageException(CageErrorCode.Truncated, "the header ends early");
        }
        if (line.Any(b => b >= 0x80 || b == (byte)'\r'))
            throw notAge ? new CageException(CageErrorCode.NotAgeFile) : Corrupt("the header holds a non-ASCII byte or a carriage return");
        covered.Write(line);
        covered.WriteByte((byte)'\n');
        return Encoding.ASCII.GetString(line);
    }

    private static CageException Corrupt(string detail) => new(CageErrorCode.HeaderCorrupted, detail);
}
