using System.Security.Cryptography;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// Encrypts the payload: 64 KiB chunks of ChaCha20-Poly1305 under the payload key, chunk nonces from
/// <see cref="ChunkNonce"/>; the last chunk is marked final and may be full; an empty payload is one empty final chunk.
/// </summary>
internal static class PayloadEncryptor
{
    public static Task EncryptAsync(Stream plaintext, Stream ciphertext, byte[] payloadKey, int parallelism, CancellationToken cancellationToken)
    {
        var pipeline = new SegmentPipeline(AgeV1.ChunkSize, inputIsPlaintext: true, segment => Seal(segment, payloadKey));
        return pipeline.RunAsync(plaintext, ciphertext, parallelism, cancellationToken);
    }

    /// <summary>Seals each chunk in its slot; the slots then hold contiguous ciphertext (every chunk but the last is full).</summary>
    private static void Seal(PayloadSegment segment, byte[] payloadKey)
    {
        using var aead = new ChaCha20Poly1305(payloadKey);
        Span<byte> nonce = stackalloc byte[ChunkNonce.Size];
        var chunks = segment.ChunkCount(AgeV1.ChunkSize);
        var written = 0;
        for (var i = 0; i < chunks; i++)
        {
            var offset = i * PayloadSegment.Stride;
            var length = Math.Min(AgeV1.ChunkSize, segment.InputLength - i * AgeV1.ChunkSize);
            var chunk = segment.Buffer.AsSpan(offset, length);
            ChunkNonce.Write(nonce, segment.FirstChunk + i, segment.Final && i == chunks - 1);
            aead.Encrypt(nonce, chunk, chunk, segment.Buffer.AsSpan(offset + length, AgeV1.TagSize));
            written += length + AgeV1.TagSize;
        }
        segment.OutputLength = written;
        segment.HoldsPlaintext = false;
    }
}
