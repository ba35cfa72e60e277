using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Cage.Adapter.Engines.Managed;

/// <summary>RFC 4253 wire-format reading (length-prefixed strings) and the age SSH fingerprint.</summary>
internal ref struct SshWire
{
    private ReadOnlySpan<byte> _rest;

    public SshWire(ReadOnlySpan<byte> data) => _rest = data;

    public bool IsEmpty => _rest.IsEmpty;

    public ReadOnlySpan<byte> ReadString()
    {
        if (_rest.Length < 4)
            throw new FormatException("truncated SSH data");
        var length = BinaryPrimitives.ReadUInt32BigEndian(_rest);
        if (length > (uint)(_rest.Length - 4))
            throw new FormatException("truncated SSH data");
        var value = _rest.Slice(4, (int)length);
        _rest = _rest[(4 + (int)length)..];
        return value;
    }

    public uint ReadUInt32()
    {
        if (_rest.Length < 4)
            throw new FormatException("truncated SSH data");
        var value = BinaryPrimitives.ReadUInt32BigEndian(_rest);
        _rest = _rest[4..];
        return value;
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (_rest.Length < count)
            throw new FormatException("truncated SSH data");
        var value = _rest[..count];
        _rest = _rest[count..];
        return value;
    }

    /// <summary>age's stanza tag for an SSH key: unpadded base64 of the first 4 bytes of SHA-256(public key blob).</summary>
    public static string Fingerprint(ReadOnlySpan<byte> publicKeyBlob) =>
        CanonicalBase64.Encode(SHA256.HashData(publicKeyBlob).AsSpan(0, 4));

    /// <summary>The key blob of an OpenSSH public key line (<c>type base64 [comment]</c>).</summary>
    public static byte[] BlobOf(string publicKeyLine)
    {
        var fields = publicKeyLine.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return Convert.FromBase64String(fields[1]);
    }
}
