using System.Globalization;
using System.Text.RegularExpressions;

namespace Cage.Benchmarks;

/// <summary>Parses and prints sizes like <c>32MiB</c>, <c>1GiB</c>, <c>1000</c>.</summary>
internal static partial class ByteSize
{
    public static long Parse(string text)
    {
        var match = SizePattern().Match(text.Trim());
        if (!match.Success)
            throw new ArgumentException($"not a size: '{text}' (examples: 32MiB, 1GiB, 4096)");
        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var factor = match.Groups[2].Value.ToLowerInvariant() switch
        {
            "" or "b" => 1L,
            "k" or "kib" => 1L << 10,
            "m" or "mib" => 1L << 20,
            "g" or "gib" => 1L << 30,
            var unit => throw new ArgumentException($"unknown unit '{unit}'"),
        };
        return (long)(number * factor);
    }

    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GiB",
        >= 1L << 20 => $"{bytes / (double)(1 << 20):0.#} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} B",
    };

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z]*)$")]
    private static partial Regex SizePattern();
}
