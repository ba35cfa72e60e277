namespace Cage.Adapter.Engines.Managed;

/// <summary>The PEM-style armor of age files: padded standard base64 in 64-column lines between these markers.</summary>
internal static class AgeArmor
{
    public const string Header = "-----BEGIN AGE ENCRYPTED FILE-----";
    public const string Footer = "-----END AGE ENCRYPTED FILE-----";

    /// <summary>age tolerates this much whitespace before the header and after the footer.</summary>
    public const int MaxWhitespace = 1024;

    /// <summary>Whether the input, after leading whitespace, starts with the armor header (age's detection).</summary>
    public static async Task<bool> IsArmoredAsync(InputBuffer input, CancellationToken cancellationToken)
    {
        var start = await input.PeekAsync(MaxWhitespace + Header.Length, cancellationToken).ConfigureAwait(false);
        var span = start.Span;
        var i = 0;
        while (i < span.Length && IsWhitespace(span[i]))
            i++;
        return span[i..].StartsWith(System.Text.Encoding.ASCII.GetBytes(Header));
    }

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;
}
