using System.Security.Cryptography;
using System.Text;

namespace Cage.Adapter.Engines.Managed;

/// <summary>HKDF-SHA-256 derivations and the file-key wrap every stanza type shares (ChaCha20-Poly1305, zero nonce).</summary>
internal static class AgeKdf
{
    public static byte[] Derive(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> salt, string info, int length = 32)
    {
        var output = new byte[length];
        if (secret.IsEmpty)
        {
            // OpenSSL refuses an empty input key; HKDF-Extract is HMAC(salt, ikm) by definition (RFC 5869 §2.2).
            var pseudoRandomKey = HMACSHA256.HashData(salt, secret);
            HKDF.Expand(HashAlgorithmName.SHA256, pseudoRandomKey, output, Encoding.ASCII.GetBytes(info));
            CryptographicOperations.ZeroMemory(pseudoRandomKey);
            return output;
        }
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, output, salt, Encoding.ASCII.GetBytes(info));
        return output;
    }

    /// <summary>Encrypts the file key under a one-time wrap key (hence the zero nonce is safe); zeroes the key.</summary>
    public static byte[] WrapFileKey(byte[] wrapKey, ReadOnlySpan<byte> fileKey)
    {
        try
        {
            using var aead = new ChaCha20Poly1305(wrapKey);
            var body = new byte[fileKey.Length + AgeV1.TagSize];
            aead.Encrypt(stackalloc byte[12], fileKey, body.AsSpan(0, fileKey.Length), body.AsSpan(fileKey.Length));
            return body;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }

    /// <summary>Opens a wrapped file key; null when it does not authenticate (not this identity). Zeroes the key.</summary>
    public static byte[]? UnwrapFileKey(byte[] wrapKey, ReadOnlySpan<byte> body)
    {
        try
        {
            using var aead = new ChaCha20Poly1305(wrapKey);
            var fileKey = new byte[AgeV1.FileKeySize];
            aead.Decrypt(stackalloc byte[12], body[..AgeV1.FileKeySize], body[AgeV1.FileKeySize..], fileKey);
            return fileKey;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }
}
