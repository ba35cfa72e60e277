using System.Buffers;
using System.Security.Cryptography;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// A run of consecutive payload chunks processed as one unit of parallel work, transformed in place in one
/// buffer: chunk <c>i</c> sits at <c>i × Stride</c> (the encrypted chunk size), so a plaintext chunk has room for
/// its tag and ciphertext stays contiguous. Knows where it starts in the chunk counter and whether it holds the
/// final chunk. Reused through <see cref="SegmentPipeline"/>'s free list.
/// </summary>
internal sealed class PayloadSegment
{
    public const int Stride = AgeV1.EncryptedChunkSize;

    /// <summary>Rents the buffer from the shared pool, so small files one after another do not churn the large object heap.</summary>
    public PayloadSegment(int chunks) => Buffer = ArrayPool<byte>.Shared.Rent(chunks * Stride);

    /// <summary>Zeroes any plaintext and gives the buffer back to the pool; the segment is unusable afterwards.</summary>
    public void ReturnBuffer()
    {
        Clear();
        ArrayPool<byte>.Shared.Return(Buffer);
    }

    public byte[] Buffer { get; }

    private byte[]? _scratch;

    /// <summary>One chunk of working space, kept with the segment so decrypting allocates nothing per segment.</summary>
    public byte[] Scratch => _scratch ??= new byte[AgeV1.ChunkSize];

    /// <summary>Input bytes read (plaintext on encrypt, ciphertext on decrypt).</summary>
    public int InputLength { get; set; }

    /// <summary>Output bytes, contiguous from offset 0, once transformed.</summary>
    public int OutputLength { get; set; }

    public long FirstChunk { get; set; }

    public bool Final { get; set; }

    /// <summary>Whether the buffer may hold plaintext (zeroed before reuse).</summary>
    public bool HoldsPlaintext { get; set; }

    /// <summary>How many chunks the input holds (at least one: an empty final chunk).</summary>
    public int ChunkCount(int chunkSize) => Math.Max(1, (InputLength + chunkSize - 1) / chunkSize);

    /// <summary>Zeroes any plaintext and resets for reuse.</summary>
    public void Clear()
    {
        if (HoldsPlaintext)
        {
            CryptographicOperations.ZeroMemory(Buffer.AsSpan(0, Math.Min(Buffer.Length, ChunkCount(AgeV1.ChunkSize) * Stride)));
            if (_scratch is not null)
                CryptographicOperations.ZeroMemory(_scratch);
        }
        InputLength = OutputLength = 0;
        FirstChunk = 0;
        Final = false;
        HoldsPlaintext = false;
    }
}
