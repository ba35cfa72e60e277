using System.Text;

namespace Cage.Adapter.Passphrases;

/// <summary>
/// A passphrase held in memory. A secret: <see cref="ToString"/> never shows it, and it is only ever written
/// to age's terminal. Create from text, an environment variable or a file.
/// </summary>
public sealed class Passphrase
{
    private readonly char[] _value;

    private Passphrase(char[] value) => _value = value;

    /// <summary>Creates a passphrase; throws <see cref="CageErrorCode.EmptyPassphrase"/> when empty.</summary>
    public static Passphrase FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
            throw new CageException(CageErrorCode.EmptyPassphrase);
        if (value.Contains('\n') || value.Contains('\r'))
            throw new CageException(CageErrorCode.InvalidConfiguration, "a passphrase cannot contain a line break",
                hint: "age reads the passphrase as one line from its terminal; remove the line break");
        return new Passphrase(value.ToCharArray());
    }

    /// <summary>Reads the first line of a file (a trailing newline is not part of the passphrase).</summary>
    public static Passphrase FromFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CageException(CageErrorCode.NoPassphrase, $"passphrase file '{path}' cannot be read", e);
        }
        var firstLine = text.TrimStart('\uFEFF').Split('\n')[0].TrimEnd('\r');
        return FromString(firstLine);
    }

    /// <summary>The length in characters.</summary>
    public int Length => _value.Length;

    /// <summary>UTF-8 bytes of the passphrase for writing to age's terminal; the caller zeroes them.</summary>
    internal byte[] ToUtf8() => Encoding.UTF8.GetBytes(_value);

    /// <summary>Never reveals the value.</summary>
    public override string ToString() => "(passphrase)";
}
