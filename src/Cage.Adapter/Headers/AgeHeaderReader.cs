using System.Text;

namespace Cage.Adapter.Headers;

/// <summary>
/// Reads an age header from the first bytes of a file, binary or armored. Needs no key and never reads past
/// the header (bounded), so it is cheap enough to run over a whole repository.
/// </summary>
public static class AgeHeaderReader
{
    /// <summary>First line of every binary age file.</summary>
    public const string BinaryIntro = "age-encryption.org/v1";

    /// <summary>First line of every armored age file.</summary>
    public const string ArmorBegin = "-----BEGIN AGE ENCRYPTED FILE-----";

    // Headers are small; a header larger than this is treated as incomplete rather than read without bound.
    private const int MaxHeaderBytes = 64 * 1024;

    /// <summary>Reads the header of the file at <paramref name="path"/>; throws Cage input errors.</summary>
    public static AgeHeader ReadFile(string path)
    {
        using var stream = Files.AgeFileOperations.OpenInput(path);
        return Read(stream);
    }

    /// <summary>True when the file at <paramref name="path"/> starts like an age file (binary or armored).</summary>
    public static bool IsAgeFile(string path)
    {
        try
        {
            return ReadFile(path).IsAge;
        }
        catch (CageException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads the header of a stream that cannot seek (stdin) and returns a stream that replays what was read,
    /// so the caller can decide how to decrypt (passphrase or identities) and still pass on every byte.
    /// </summary>
    public static PeekedInput Peek(Stream stream)
    {
        var prefix = ReadPrefix(stream, MaxHeaderBytes);
        return new PeekedInput(Parse(prefix), new ReplayStream(prefix, stream));
    }

    /// <summary>Reads the header from the current position of <paramref name="stream"/>.</summary>
    public static AgeHeader Read(Stream stream)
    {
        var prefix = ReadPrefix(stream, MaxHeaderBytes);
        return Parse(prefix);
    }

    /// <summary>Parses a header from the first bytes of a file.</summary>
    public static AgeHeader Parse(ReadOnlySpan<byte> prefix)
    {
        if (StartsWith(prefix, BinaryIntro + "\n"))
            return ParseBinary(prefix, AgeFileFormat.Binary);
        var text = Encoding.ASCII.GetString(prefix);
        var trimmed = text.TrimStart(' ', '\t', '\r', '\n');
        if (trimmed.StartsWith(ArmorBegin, StringComparison.Ordinal))
            return ParseArmored(trimmed);
        return AgeHeader.NotAge;
    }

    private static AgeHeader ParseArmored(string text)
    {
        var body = new StringBuilder();
        foreach (var rawLine in text.Split('\n').Skip(1))
        {
            var line = rawLine.TrimEnd('\r').Trim();
            if (line.StartsWith("-----END", StringComparison.Ordinal))
                break;
            body.Append(line);
        }
        // Decode whole 4-character groups only: the prefix may cut the armor mid-line.
        var usable = body.Length - body.Length % 4;
        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(body.ToString(0, usable));
        }
        catch (FormatException)
        {
            return new AgeHeader(AgeFileFormat.Armored, Array.Empty<string>(), false);
        }
        if (!StartsWith(decoded, BinaryIntro + "\n"))
            return new AgeHeader(AgeFileFormat.Armored, Array.Empty<string>(), false);
        return ParseBinary(decoded, AgeFileFormat.Armored);
    }

    private static AgeHeader ParseBinary(ReadOnlySpan<byte> bytes, AgeFileFormat format)
    {
        var types = new List<string>();
        var complete = false;
        var position = BinaryIntro.Length + 1;
        while (position < bytes.Length)
        {
            var end = bytes[position..].IndexOf((byte)'\n');
            if (end < 0)
                break;
            var line = Encoding.ASCII.GetString(bytes.Slice(position, end));
            position += end + 1;
            if (line.StartsWith("-> ", StringComparison.Ordinal))
            {
                var fields = line[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                types.Add(fields.Length > 0 ? fields[0] : "");
            }
            else if (line.StartsWith("--- ", StringComparison.Ordinal))
            {
                complete = true;
                break;
            }
        }
        return new AgeHeader(format, types, complete)
        {
            BinaryHeaderLength = complete && format == AgeFileFormat.Binary ? position : null,
        };
    }

    private static byte[] ReadPrefix(Stream stream, int limit)
    {
        var buffer = new byte[limit];
        var total = 0;
        while (total < limit)
        {
            var read = stream.Read(buffer, total, limit - total);
            if (read == 0)
                break;
            total += read;
        }
        return buffer[..total];
    }

    private static bool StartsWith(ReadOnlySpan<byte> bytes, string ascii) =>
        bytes.StartsWith(Encoding.ASCII.GetBytes(ascii));
}
