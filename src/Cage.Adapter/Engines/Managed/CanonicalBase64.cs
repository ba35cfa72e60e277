namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// The base64 of age headers: standard alphabet, no padding, and canonical (the unused low bits of the last
/// character are zero). The spec requires rejecting anything else, so decoding re-encodes and compares.
/// </summary>
internal static class CanonicalBase64
{
    /// <summary>Encodes without padding.</summary>
    public static string Encode(ReadOnlySpan<byte> data) => Convert.ToBase64String(data).TrimEnd('=');

    /// <summary>Decodes unpadded canonical base64; false for padding, whitespace, bad characters or non-zero spare bits.</summary>
    public static bool TryDecode(string text, out byte[] data)
    {
        data = Array.Empty<byte>();
        if (text.Length % 4 == 1 || text.Contains('='))
            return false;
        var padded = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
        var buffer = new byte[padded.Length / 4 * 3];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
            return false;
        var decoded = buffer[..written];
        if (Encode(decoded) != text)
            return false;
        data = decoded;
        return true;
    }

    /// <summary>Decodes or throws <see cref="CageErrorCode.HeaderCorrupted"/> naming <paramref name="what"/>.</summary>
    public static byte[] Decode(string text, string what, int? expectedLength = null)
    {
        if (!TryDecode(text, out var data))
            throw new CageException(CageErrorCode.HeaderCorrupted, $"{what} is not canonical base64");
        if (expectedLength is { } length && data.Length != length)
            throw new CageException(CageErrorCode.HeaderCorrupted, $"{what} is {data.Length} bytes, expected {length}");
        return data;
    }
}
