using System.Security.Cryptography;

namespace Cage.Adapter.Engines.Managed;

/// <summary>The header MAC: HMAC-SHA-256 over the header up to and including <c>---</c>, keyed from the file key.</summary>
internal static class HeaderMac
{
    public static byte[] Compute(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> headerUpToMac)
    {
        var key = AgeKdf.Derive(fileKey, ReadOnlySpan<byte>.Empty, "header");
        try
        {
            return HMACSHA256.HashData(key, headerUpToMac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Throws <see cref="CageErrorCode.HeaderCorrupted"/> when the MAC does not match (constant time).</summary>
    public static void Verify(ReadOnlySpan<byte> fileKey, ParsedHeader header)
    {
        var expected = Compute(fileKey, header.BytesUpToMac);
        if (!CryptographicOperations.FixedTimeEquals(expected, header.Mac))
            throw new CageException(CageErrorCode.HeaderCorrupted, "the header MAC does not match");
    }
}
