using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// An unencrypted RSA key in PEM (<c>RSA PRIVATE KEY</c> as <c>ssh-keygen -m PEM</c> writes, or PKCS#8
/// <c>PRIVATE KEY</c>), which age also accepts as an ssh-rsa identity. .NET parses the PEM; the SSH public blob
/// (for the stanza fingerprint) is rebuilt from the modulus and exponent.
/// </summary>
internal static class PemRsaKey
{
    public static bool Handles(string trimmed) =>
        trimmed.StartsWith("-----BEGIN RSA PRIVATE KEY-----", StringComparison.Ordinal)
        || trimmed.StartsWith("-----BEGIN PRIVATE KEY-----", StringComparison.Ordinal);

    public static SshRsaIdentity Parse(string trimmed)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(trimmed);
        var p = rsa.ExportParameters(includePrivateParameters: true);
        try
        {
            var key = new RsaPrivateCrtKeyParameters(Positive(p.Modulus), Positive(p.Exponent), Positive(p.D), Positive(p.P),
                Positive(p.Q), Positive(p.DP), Positive(p.DQ), Positive(p.InverseQ));
            return new SshRsaIdentity(PublicBlob(p.Exponent!, p.Modulus!), key);
        }
        finally
        {
            foreach (var secret in new[] { p.D, p.P, p.Q, p.DP, p.DQ, p.InverseQ })
                CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>The RFC 4253 <c>ssh-rsa</c> public key blob: string type, mpint e, mpint n.</summary>
    public static byte[] PublicBlob(byte[] exponent, byte[] modulus)
    {
        using var blob = new MemoryStream();
        WriteString(blob, Encoding.ASCII.GetBytes(SshRsaRecipient.Type));
        WriteString(blob, Mpint(exponent));
        WriteString(blob, Mpint(modulus));
        return blob.ToArray();
    }

    private static byte[] Mpint(byte[] unsignedBigEndian)
    {
        var trimmed = unsignedBigEndian.AsSpan().TrimStart((byte)0);
        return trimmed.Length > 0 && trimmed[0] >= 0x80 ? [0, .. trimmed] : trimmed.ToArray();
    }

    private static void WriteString(Stream stream, byte[] value)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(length, (uint)value.Length);
        stream.Write(length);
        stream.Write(value);
    }

    private static BigInteger Positive(byte[]? value) => new(1, value ?? throw new FormatException("incomplete RSA key"));
}
