using Org.BouncyCastle.Math.EC.Rfc7748;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// X25519 from BouncyCastle (RFC 7748, constant time; .NET has no X25519). Shared secrets that are all zero
/// (a low-order point) are refused, as the spec requires.
/// </summary>
internal static class X25519Keys
{
    public const int Size = 32;

    public static byte[] PublicKey(ReadOnlySpan<byte> scalar)
    {
        var k = scalar.ToArray();
        var result = new byte[Size];
        X25519.ScalarMultBase(k, 0, result, 0);
        Array.Clear(k);
        return result;
    }

    /// <summary>
    /// X25519(scalar, point); an all-zero result throws <paramref name="lowOrder"/> (a corrupted header on decrypt,
    /// an invalid recipient on encrypt).
    /// </summary>
    public static byte[] SharedSecret(ReadOnlySpan<byte> scalar, ReadOnlySpan<byte> point, CageErrorCode lowOrder = CageErrorCode.HeaderCorrupted)
    {
        var k = scalar.ToArray();
        var u = point.ToArray();
        var result = new byte[Size];
        var ok = X25519.CalculateAgreement(k, 0, u, 0, result, 0);
        Array.Clear(k);
        if (!ok)
            throw new CageException(lowOrder, "a low-order X25519 point (all-zero shared secret)");
        return result;
    }

    public static byte[] NewScalar() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(Size);
}
