using System.Text;

namespace Cage.Adapter.Passphrases;

/// <summary>
/// Reads one line, byte by byte so nothing after it is consumed (the rest of stdin may be data), and turns it
/// into a <see cref="Passphrase"/>: UTF-8, a leading BOM and the line ending are not part of it.
/// </summary>
internal static class PassphraseLine
{
    /// <summary>Longest line accepted; anything longer is not a passphrase.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>Reads up to and including the first newline with <paramref name="readByte"/> (-1 at end of input).</summary>
    public static Passphrase Read(Func<int> readByte, string description)
    {
        var bytes = new List<byte>();
        try
        {
            int next;
            while ((next = readByte()) >= 0 && next != '\n')
            {
                if (bytes.Count >= MaxBytes)
                    throw new CageException(CageErrorCode.NoPassphrase, $"{description}: the first line is longer than {MaxBytes} bytes");
                bytes.Add((byte)next);
            }
            if (next < 0 && bytes.Count == 0)
                throw new CageException(CageErrorCode.NoPassphrase, $"{description} is empty");
            return Decode(bytes.ToArray(), description);
        }
        finally
        {
            bytes.Clear();
            bytes.TrimExcess();
        }
    }

    /// <summary>Decodes a line read from a file or terminal.</summary>
    public static Passphrase Decode(byte[] line, string description)
    {
        try
        {
            var text = Encoding.UTF8.GetString(line).TrimStart('\uFEFF').TrimEnd('\r');
            return Passphrase.FromString(text);
        }
        catch (CageException e)
        {
            throw e.WithContext(description);
        }
        finally
        {
            Array.Clear(line);
        }
    }
}
