using Cage.Adapter.Headers;

namespace Cage.Adapter.Files;

/// <summary>
/// After age exited 0 on a file-to-file run: checks that the output is exactly as long as the input implies
/// (<see cref="AgePayloadLength"/>), so a broken or fake binary that stops early is caught instead of committed.
/// Binary age files only (armored sizes depend on line breaks); a decrypted output of the right length is
/// accepted as it is: without the key the adapter cannot judge plaintext, age's own MAC checks vouch for it.
/// </summary>
internal static class OutputLengthCheck
{
    private const int HeaderReadLimit = 64 * 1024;

    /// <summary>Encrypt: the ciphertext written must hold all <paramref name="plaintextLength"/> input bytes.</summary>
    public static void Ciphertext(long plaintextLength, FileStream ciphertext)
    {
        if (ReadHeader(ciphertext).BinaryHeaderLength is not { } headerLength)
            return;
        var expected = AgePayloadLength.Ciphertext(headerLength, plaintextLength);
        if (ciphertext.Length != expected)
            throw Invalid($"wrote {ciphertext.Length} bytes of ciphertext where {plaintextLength} bytes of input need {expected}");
    }

    /// <summary>Decrypt: the plaintext written must be as long as the ciphertext of <paramref name="ciphertextLength"/> bytes holds.</summary>
    public static void Plaintext(FileStream ciphertext, long ciphertextLength, FileStream plaintext)
    {
        if (ReadHeader(ciphertext).BinaryHeaderLength is not { } headerLength)
            return;
        if (AgePayloadLength.Plaintext(headerLength, ciphertextLength) is not { } expected)
            return; // not a size age can produce: age itself rejects such files, there is nothing to compare
        if (plaintext.Length != expected)
            throw Invalid($"wrote {plaintext.Length} bytes of plaintext where the encrypted file holds {expected}");
    }

    private static AgeHeader ReadHeader(FileStream file)
    {
        var prefix = new byte[(int)Math.Min(HeaderReadLimit, file.Length)];
        var read = RandomAccess.Read(file.SafeFileHandle, prefix, fileOffset: 0);
        return AgeHeaderReader.Parse(prefix.AsSpan(0, read));
    }

    private static CageException Invalid(string detail) =>
        new(CageErrorCode.InvalidAgeOutput, $"age exited 0 but {detail}");
}
