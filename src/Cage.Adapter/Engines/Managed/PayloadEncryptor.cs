using System.Security.Cryptography;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// Encrypts the payload: 64 KiB chunks of ChaCha20-Poly1305 under the payload key, chunk nonces from
/// <see cref="ChunkNonce"/>; the last chunk is marked final and may be full; an empty payload is one empty final chunk.
/// </summary>
internal static class PayloadEncryptor
{
    public const int ChunksPerSegment = 8;

    public static Task EncryptAsync(Stream plaintext, Stream ciphertext, byte[] payloadKey, int parallelism, CancellationToken cancellationToken)
    {
        var pipeline = new SegmentPipeline(AgeV1.ChunkSize, ChunksPerSegment, AgeV1.EncryptedChunkSize * ChunksPerSegment,
            segment => Seal(segment, payloadKey));
        return pipeline.RunAsync(plaintext, ciphertext, parallelism, cancellationToken);
    }

    private static void Seal(PayloadSegment segment, byte[] payloadKey)
    {
        using var aead = new ChaCha20Poly1305(payloadKey);
        Span<byte> nonce = stackalloc byte[ChunkNonce.Size];
        var chunks = segment.ChunkCount(AgeV1.ChunkSize);
        var written = 0;
        for (var i = 0; i < chunks; i++)
        {
            var offset = i * AgeV1.ChunkSize;
            var length = Math.Min(AgeV1.ChunkSize, segment.InputLength - offset);
            ChunkNonce.Write(nonce, segment.FirstChunk + i, segment.Final && i == chunks - 1);
            aead.Encrypt(nonce, segment.Input.AsSpan(offset, length), segment.Output.AsSpan(written, length),
                segment.Output.AsSpan(written + length, AgeV1.TagSize));
            written += length + AgeV1.TagSize;
        }
        segment.OutputLength = written;
    }
}
