namespace Cage.Adapter.Headers;

/// <summary>
/// The size arithmetic of age's payload (age spec, "Payload"): a 16-byte nonce, then the plaintext in 64 KiB
/// chunks, each followed by a 16-byte tag; the last chunk is shorter but never empty unless the whole plaintext is.
/// Lets the adapter tell a complete output from a truncated one without any key.
/// </summary>
public static class AgePayloadLength
{
    private const long NonceSize = 16;
    private const long TagSize = 16;
    private const long ChunkSize = 64 * 1024;

    /// <summary>The size of a binary age file holding <paramref name="plaintextLength"/> bytes behind a header of <paramref name="headerLength"/>.</summary>
    public static long Ciphertext(long headerLength, long plaintextLength)
    {
        var chunks = Math.Max(1, (plaintextLength + ChunkSize - 1) / ChunkSize);
        return headerLength + NonceSize + plaintextLength + chunks * TagSize;
    }

    /// <summary>The plaintext size a binary age file of <paramref name="ciphertextLength"/> bytes decrypts to; null when no plaintext size fits.</summary>
    public static long? Plaintext(long headerLength, long ciphertextLength)
    {
        var payload = ciphertextLength - headerLength - NonceSize;
        if (payload < TagSize)
            return null;
        var chunks = (payload + ChunkSize + TagSize - 1) / (ChunkSize + TagSize);
        var plaintext = payload - chunks * TagSize;
        return Ciphertext(headerLength, plaintext) == ciphertextLength ? plaintext : null;
    }
}
