namespace Cage.Adapter.Recipients;

/// <summary>
/// Bech32 (BIP 173): decoding validates age keys before spawning age; encoding writes the keys the managed
/// engine generates. Like age, no 90-character limit.
/// </summary>
internal static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static readonly uint[] Generator = { 0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3 };

    /// <summary>Decodes <paramref name="text"/>; returns false with a reason when it is not valid Bech32.</summary>
    public static bool TryDecode(string text, out string hrp, out byte[] data, out string? error)
    {
        hrp = "";
        data = Array.Empty<byte>();
        if (text.ToLowerInvariant() != text && text.ToUpperInvariant() != text)
            return Fail("mixed case", out error);
        var lower = text.ToLowerInvariant();
        var separator = lower.LastIndexOf('1');
        if (separator < 1 || separator + 7 > lower.Length)
            return Fail("separator '1' at an invalid position", out error);
        hrp = lower[..separator];
        var values = new byte[lower.Length - separator - 1];
        for (var i = 0; i < values.Length; i++)
        {
            var index = Charset.IndexOf(lower[separator + 1 + i]);
            if (index < 0)
                return Fail($"invalid character '{lower[separator + 1 + i]}'", out error);
            values[i] = (byte)index;
        }
        if (Polymod(ExpandHrp(hrp).Concat(values)) != 1)
            return Fail("invalid checksum", out error);
        var converted = ConvertBits(values.AsSpan(0, values.Length - 6), 5, 8);
        if (converted is null)
            return Fail("invalid padding", out error);
        data = converted;
        error = null;
        return true;
    }

    /// <summary>Encodes <paramref name="data"/> under <paramref name="hrp"/> (lower case; callers upper-case secret keys).</summary>
    public static string Encode(string hrp, ReadOnlySpan<byte> data)
    {
        hrp = hrp.ToLowerInvariant();
        var values = ConvertBitsPadded(data);
        var polymod = Polymod(ExpandHrp(hrp).Concat(values).Concat(new byte[6])) ^ 1;
        var text = new System.Text.StringBuilder(hrp).Append('1');
        foreach (var value in values)
            text.Append(Charset[value]);
        for (var i = 0; i < 6; i++)
            text.Append(Charset[(int)((polymod >> (5 * (5 - i))) & 31)]);
        return text.ToString();
    }

    private static byte[] ConvertBitsPadded(ReadOnlySpan<byte> data)
    {
        int acc = 0, bits = 0;
        var result = new List<byte>(data.Length * 8 / 5 + 1);
        foreach (var value in data)
        {
            acc = (acc << 8) | value;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                result.Add((byte)((acc >> bits) & 31));
            }
        }
        if (bits > 0)
            result.Add((byte)((acc << (5 - bits)) & 31));
        return result.ToArray();
    }

    private static bool Fail(string reason, out string? error)
    {
        error = reason;
        return false;
    }

    private static uint Polymod(IEnumerable<byte> values)
    {
        uint chk = 1;
        foreach (var v in values)
        {
            var top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (var i = 0; i < 5; i++)
                chk ^= ((top >> i) & 1) != 0 ? Generator[i] : 0;
        }
        return chk;
    }

    private static IEnumerable<byte> ExpandHrp(string hrp)
    {
        foreach (var c in hrp)
            yield return (byte)(c >> 5);
        yield return 0;
        foreach (var c in hrp)
            yield return (byte)(c & 31);
    }

    private static byte[]? ConvertBits(ReadOnlySpan<byte> data, int from, int to)
    {
        int acc = 0, bits = 0;
        var result = new List<byte>(data.Length * from / to);
        var maxValue = (1 << to) - 1;
        foreach (var value in data)
        {
            acc = (acc << from) | value;
            bits += from;
            while (bits >= to)
            {
                bits -= to;
                result.Add((byte)((acc >> bits) & maxValue));
            }
        }
        if (bits >= from || ((acc << (to - bits)) & maxValue) != 0)
            return null;
        return result.ToArray();
    }
}
