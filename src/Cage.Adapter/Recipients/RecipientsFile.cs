using System.Text;

namespace Cage.Adapter.Recipients;

/// <summary>
/// Reads recipients files: one recipient per line, <c>#</c> comments and blank lines ignored, CRLF and a UTF-8
/// BOM tolerated (age itself rejects the BOM, so we parse and pass keys with <c>-r</c>).
/// </summary>
public static class RecipientsFile
{
    /// <summary>Reads and validates every recipient in <paramref name="path"/>.</summary>
    public static IReadOnlyList<Recipient> Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "does not exist" : e is DecoderFallbackException ? "is not UTF-8 text" : "cannot be read";
            throw new CageException(CageErrorCode.RecipientsFileUnreadable, $"'{path}' {reason}", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses recipients file contents; <paramref name="sourceName"/> names it in errors.</summary>
    public static IReadOnlyList<Recipient> Parse(string text, string sourceName)
    {
        var recipients = new List<Recipient>();
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            recipients.Add(Recipient.Parse(line, $"{sourceName}:{i + 1}"));
        }
        return recipients;
    }
}
