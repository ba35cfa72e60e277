using System.Buffers.Binary;

namespace Cage.Adapter.Engines.Managed;

/// <summary>The STREAM nonce of a payload chunk: 11-byte big-endian counter, then 0x01 for the final chunk else 0x00.</summary>
internal static class ChunkNonce
{
    public const int Size = 12;

    public static void Write(Span<byte> nonce, long counter, bool final)
    {
        nonce.Clear();
        BinaryPrimitives.WriteInt64BigEndian(nonce.Slice(3, 8), counter);
        nonce[11] = final ? (byte)1 : (byte)0;
    }
}
