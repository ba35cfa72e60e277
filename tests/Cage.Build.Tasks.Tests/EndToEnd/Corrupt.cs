using System.Text;

namespace Cage.Build.Tasks.Tests.EndToEnd;

/// <summary>Damages real age files in the specific ways age reports differently.</summary>
public static class Corrupt
{
    /// <summary>Flips one character of the header MAC: "bad header MAC".</summary>
    public static byte[] HeaderMac(byte[] ciphertext)
    {
        var copy = (byte[])ciphertext.Clone();
        var mac = IndexOf(copy, "\n--- ") + 5;
        copy[mac] = (byte)(copy[mac] == (byte)'A' ? 'B' : 'A');
        return copy;
    }

    /// <summary>Flips a byte near the end of the payload: the last chunk fails to authenticate.</summary>
    public static byte[] Payload(byte[] ciphertext)
    {
        var copy = (byte[])ciphertext.Clone();
        copy[^5] ^= 0xff;
        return copy;
    }

    /// <summary>Cuts the file inside the payload nonce: "failed to read nonce: unexpected EOF".</summary>
    public static byte[] TruncatedAfterHeader(byte[] ciphertext)
    {
        var macLine = IndexOf(ciphertext, "\n--- ");
        var headerEnd = Array.IndexOf(ciphertext, (byte)'\n', macLine + 1) + 1;
        return ciphertext[..(headerEnd + 8)];
    }

    private static int IndexOf(byte[] data, string text)
    {
        var index = data.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text));
        if (index < 0)
            throw new InvalidOperationException($"'{text.Trim()}' not found in the age file");
        return index;
    }
}
