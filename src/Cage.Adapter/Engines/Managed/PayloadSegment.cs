using System.Buffers;
using System.Security.Cryptography;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// A run of consecutive payload chunks processed as one unit of parallel work: the input bytes, the output
/// bytes, where the run starts in the chunk counter and whether it holds the final chunk. Buffers are pooled.
/// </summary>
internal sealed class PayloadSegment
{
    public PayloadSegment(int inputCapacity, int outputCapacity)
    {
        Input = ArrayPool<byte>.Shared.Rent(inputCapacity);
        Output = ArrayPool<byte>.Shared.Rent(outputCapacity);
    }

    public byte[] Input { get; }
    public byte[] Output { get; }
    public int InputLength { get; set; }
    public int OutputLength { get; set; }
    public long FirstChunk { get; set; }
    public bool Final { get; set; }

    /// <summary>How many chunks the input holds (at least one: an empty final chunk).</summary>
    public int ChunkCount(int chunkSize) => Math.Max(1, (InputLength + chunkSize - 1) / chunkSize);

    /// <summary>Zeroes whichever side held plaintext and returns the buffers to the pool.</summary>
    public void Release()
    {
        CryptographicOperations.ZeroMemory(Input);
        CryptographicOperations.ZeroMemory(Output);
        ArrayPool<byte>.Shared.Return(Input);
        ArrayPool<byte>.Shared.Return(Output);
    }
}
