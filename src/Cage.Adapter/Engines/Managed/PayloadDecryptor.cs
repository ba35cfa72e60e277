using System.Security.Cryptography;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// Decrypts and authenticates the payload chunk by chunk, within the segment's buffer. A segment's plaintext is written only after
/// all its chunks authenticated. Strict: the last chunk must carry the final flag (else the file was cut at a
/// chunk boundary), no data may follow it, and it is empty only when the whole payload is empty.
/// </summary>
internal static class PayloadDecryptor
{
    public static Task DecryptAsync(Stream ciphertext, Stream plaintext, byte[] payloadKey, int parallelism, CancellationToken cancellationToken)
    {
        var pipeline = new SegmentPipeline(AgeV1.EncryptedChunkSize, inputIsPlaintext: false, segment => Open(segment, payloadKey));
        return pipeline.RunAsync(ciphertext, plaintext, parallelism, cancellationToken);
    }

    private static void Open(PayloadSegment segment, byte[] payloadKey)
    {
        if (segment.InputLength == 0)
            throw new CageException(CageErrorCode.Truncated, "the payload has no chunk");
        segment.HoldsPlaintext = true;
        using var aead = new ChaCha20Poly1305(payloadKey);
        // Plaintext goes to a scratch buffer first: .NET clears the output on a failed tag, and the ciphertext must
        // survive a failure to be retried with the other final flag for a precise error. Clear() zeroes it.
        var scratch = segment.Scratch;
        var chunks = segment.ChunkCount(AgeV1.EncryptedChunkSize);
        var written = 0;
        for (var i = 0; i < chunks; i++)
        {
            var offset = i * AgeV1.EncryptedChunkSize;
            var length = Math.Min(AgeV1.EncryptedChunkSize, segment.InputLength - offset);
            var final = segment.Final && i == chunks - 1;
            var counter = segment.FirstChunk + i;
            if (length < AgeV1.TagSize)
                throw new CageException(CageErrorCode.Truncated, "the last payload chunk is shorter than its tag");
            var plain = scratch.AsSpan(0, length - AgeV1.TagSize);
            OpenChunk(aead, segment.Buffer.AsSpan(offset, length), plain, counter, final);
            if (final && plain.Length == 0 && counter > 0)
                throw new CageException(CageErrorCode.PayloadCorrupted, "the last chunk is empty");
            // Compacted in place: plaintext chunks are 16 bytes shorter than their slots.
            plain.CopyTo(segment.Buffer.AsSpan(written));
            written += plain.Length;
        }
        segment.OutputLength = written;
    }

    private static void OpenChunk(ChaCha20Poly1305 aead, ReadOnlySpan<byte> chunk, Span<byte> plain, long counter, bool final)
    {
        if (TryOpen(aead, chunk, plain, counter, final))
            return;
        // Tell the two structural failures apart from plain corruption, for a useful error code.
        if (final && chunk.Length == AgeV1.EncryptedChunkSize && TryOpen(aead, chunk, plain, counter, final: false))
            throw new CageException(CageErrorCode.Truncated, "the payload ends at a chunk boundary before its final chunk");
        if (!final && TryOpen(aead, chunk, plain, counter, final: true))
            throw new CageException(CageErrorCode.PayloadCorrupted, "trailing data after the final chunk");
        throw new CageException(CageErrorCode.PayloadCorrupted, $"payload chunk {counter} does not authenticate");
    }

    private static bool TryOpen(ChaCha20Poly1305 aead, ReadOnlySpan<byte> chunk, Span<byte> plain, long counter, bool final)
    {
        Span<byte> nonce = stackalloc byte[ChunkNonce.Size];
        ChunkNonce.Write(nonce, counter, final);
        try
        {
            aead.Decrypt(nonce, chunk[..^AgeV1.TagSize], chunk[^AgeV1.TagSize..], plain);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }
}
