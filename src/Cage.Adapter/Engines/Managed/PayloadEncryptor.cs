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

    /// <summary>
    /// Seals the contiguous plaintext in place: from the last chunk to the first, each chunk moves up to its slot
    /// (16 bytes further per chunk, room for the tags) and is encrypted there, so the ciphertext ends contiguous.
    /// </summary>
    private static void Seal(PayloadSegment segment, byte[] payloadKey)
    {
        using var aead = new ChaCha20Poly1305(payloadKey);
        Span<byte> nonce = stackalloc byte[ChunkNonce.Size];
        var chunks = segment.ChunkCount(AgeV1.ChunkSize);
        var written = 0;
        for (var i = chunks - 1; i >= 0; i--)
        {
            var source = i * AgeV1.ChunkSize;
            var slot = i * PayloadSegment.Stride;
            var length = Math.Min(AgeV1.ChunkSize, segment.InputLength - source);
            var chunk = segment.Buffer.AsSpan(slot, length);
            segment.Buffer.AsSpan(source, length).CopyTo(chunk);
            ChunkNonce.Write(nonce, segment.FirstChunk + i, segment.Final && i == chunks - 1);
            aead.Encrypt(nonce, chunk, chunk, segment.Buffer.AsSpan(slot + length, AgeV1.TagSize));
            written += length + AgeV1.TagSize;
        }
        segment.OutputLength = written;
        segment.HoldsPlaintext = false;
    }
}
