namespace Cage.Adapter.Passphrases;

/// <summary>
/// Turns a passphrase into the bytes typed on age's terminal: UTF-8, each control character preceded by
/// the terminal's literal-next character (Ctrl-V) so the line discipline passes it on instead of acting on it
/// (Ctrl-U would erase the line, Ctrl-C raise SIGINT), then a newline. age's terminal is in canonical mode,
/// where a line holds at most 4095 bytes.
/// </summary>
internal static class TerminalAnswer
{
    /// <summary>Longest line (without the newline) a canonical-mode terminal accepts.</summary>
    public const int MaxLineBytes = 4095;

    private const byte LiteralNext = 0x16;

    /// <summary>The bytes to write; the caller zeroes them after use.</summary>
    public static byte[] Encode(Passphrase passphrase)
    {
        var utf8 = passphrase.ToUtf8();
        try
        {
            var controls = utf8.Count(b => b < 0x20 || b == 0x7f);
            var answer = new byte[utf8.Length + controls + 1];
            var at = 0;
            foreach (var b in utf8)
            {
                if (b < 0x20 || b == 0x7f)
                    answer[at++] = LiteralNext;
                answer[at++] = b;
            }
            answer[at] = (byte)'\n';
            return answer;
        }
        finally
        {
            Array.Clear(utf8);
        }
    }

    /// <summary>Refuses passphrases a terminal line cannot carry (before anything is spawned).</summary>
    public static void EnsureTypeable(Passphrase passphrase)
    {
        if (passphrase.Length == 0)
            throw new CageException(CageErrorCode.EmptyPassphrase);
        var answer = Encode(passphrase);
        var length = answer.Length - 1;
        Array.Clear(answer);
        if (length > MaxLineBytes)
            throw new CageException(CageErrorCode.InvalidConfiguration, $"the passphrase is {length} bytes long; age's terminal accepts at most {MaxLineBytes}",
                hint: "use a shorter passphrase (a few dozen characters are plenty)");
    }
}
