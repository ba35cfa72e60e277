using System.Text;

namespace Cage.Adapter.Engines.Managed;

/// <summary>Serialises a header: version line, stanzas (bodies wrapped at 64 columns, last line shorter), MAC line.</summary>
internal static class HeaderWriter
{
    public static byte[] Write(IReadOnlyList<Stanza> stanzas, ReadOnlySpan<byte> fileKey)
    {
        var text = new StringBuilder();
        text.Append(AgeV1.VersionLine).Append('\n');
        foreach (var stanza in stanzas)
            AppendStanza(text, stanza);
        text.Append(AgeV1.MacPrefix);
        var upToMac = Encoding.ASCII.GetBytes(text.ToString());
        var mac = HeaderMac.Compute(fileKey, upToMac);
        text.Append(' ').Append(CanonicalBase64.Encode(mac)).Append('\n');
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static void AppendStanza(StringBuilder text, Stanza stanza)
    {
        text.Append(AgeV1.StanzaPrefix).Append(stanza.Type);
        foreach (var argument in stanza.Arguments)
            text.Append(' ').Append(argument);
        text.Append('\n');
        var body = CanonicalBase64.Encode(stanza.Body);
        // A body whose encoding fills whole lines ends with an empty line, so readers know where it stops.
        for (var i = 0; ; i += AgeV1.ColumnsPerLine)
        {
            var line = body.Substring(i, Math.Min(AgeV1.ColumnsPerLine, body.Length - i));
            text.Append(line).Append('\n');
            if (line.Length < AgeV1.ColumnsPerLine)
                break;
        }
    }
}
