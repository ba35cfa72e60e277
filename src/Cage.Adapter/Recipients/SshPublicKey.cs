using System.Buffers.Binary;

namespace Cage.Adapter.Recipients;

/// <summary>Reads just enough of an OpenSSH public key blob (RFC 4253 wire format) to validate it.</summary>
internal static class SshPublicKey
{
    /// <summary>Reads the key type string and the length of the first key field.</summary>
    public static bool TryReadType(string base64, out string type, out int firstFieldLength)
    {
        type = "";
        firstFieldLength = 0;
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return false;
        }
        var offset = 0;
        if (!TryReadString(blob, ref offset, out var typeBytes) || !TryReadString(blob, ref offset, out var field))
            return false;
        type = System.Text.Encoding.ASCII.GetString(typeBytes);
        firstFieldLength = field.Length;
        return true;
    }

    private static bool TryReadString(byte[] blob, ref int offset, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (blob.Length - offset < 4)
            return false;
        var length = BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(offset));
        offset += 4;
        if (length > (uint)(blob.Length - offset))
            return false;
        value = blob.AsSpan(offset, (int)length);
        offset += (int)length;
        return true;
    }
}
