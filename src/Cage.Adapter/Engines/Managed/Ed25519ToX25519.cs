using System.Numerics;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// The birational map age uses to encrypt to Ed25519 keys: public key y → Montgomery u = (1 + y) / (1 − y) mod p,
/// private seed → the clamped scalar SHA-512(seed)[0..32]. The public map handles public data only, so plain
/// BigInteger arithmetic is fine; BouncyCastle validates the point first.
/// </summary>
internal static class Ed25519ToX25519
{
    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;

    public static byte[] PublicKey(ReadOnlySpan<byte> ed25519PublicKey)
    {
        if (ed25519PublicKey.Length != 32)
            throw new FormatException("an Ed25519 public key is 32 bytes");
        _ = new Ed25519PublicKeyParameters(ed25519PublicKey.ToArray()); // throws for a point not on the curve
        var yBytes = ed25519PublicKey.ToArray();
        yBytes[31] &= 0x7F;
        var y = new BigInteger(yBytes, isUnsigned: true, isBigEndian: false);
        var denominator = Mod(BigInteger.One - y);
        if (y >= P || denominator.IsZero)
            throw new FormatException("an invalid Ed25519 public key");
        var u = Mod((BigInteger.One + y) * BigInteger.ModPow(denominator, P - 2, P));
        var result = new byte[32];
        u.TryWriteBytes(result, out _, isUnsigned: true, isBigEndian: false);
        return result;
    }

    public static byte[] Scalar(ReadOnlySpan<byte> seed)
    {
        var hash = SHA512.HashData(seed);
        var scalar = hash[..32];
        CryptographicOperations.ZeroMemory(hash);
        return scalar;
    }

    private static BigInteger Mod(BigInteger value) => ((value % P) + P) % P;
}
