using System.Text.RegularExpressions;

namespace Cage.Adapter.Binary;

/// <summary>
/// Maps age 1.1's exit status and stderr to a <see cref="CageException"/>. The rules are ordered: the first
/// match wins. age's own message is kept as detail (with anything key-like redacted).
/// </summary>
public static partial class AgeErrorClassifier
{
    private static readonly (string Fragment, CageErrorCode Code)[] Rules =
    {
        ("no identity matched", CageErrorCode.NoIdentityMatched),
        ("incorrect passphrase", CageErrorCode.IncorrectPassphrase),
        ("bad header MAC", CageErrorCode.HeaderCorrupted),
        ("failed to read intro: EOF", CageErrorCode.NotAgeFile),
        ("unexpected intro", CageErrorCode.NotAgeFile),
        ("failed to read intro", CageErrorCode.NotAgeFile),
        ("unexpected EOF", CageErrorCode.Truncated),
        ("failed to read nonce", CageErrorCode.Truncated),
        ("failed to read header: EOF", CageErrorCode.Truncated),
        ("failed to read line: EOF", CageErrorCode.Truncated),
        ("failed to decrypt and authenticate payload chunk", CageErrorCode.PayloadCorrupted),
        ("trailing data", CageErrorCode.PayloadCorrupted),
        ("last chunk is empty", CageErrorCode.PayloadCorrupted),
        ("failed to read header", CageErrorCode.HeaderCorrupted),
        ("parsing age header", CageErrorCode.HeaderCorrupted),
        ("malformed recipient", CageErrorCode.InvalidRecipient),
        ("unknown recipient type", CageErrorCode.InvalidRecipient),
        ("failed to open input file", CageErrorCode.InputUnreadable),
        ("failed to read input", CageErrorCode.InputUnreadable),
        ("unknown identity type", CageErrorCode.InvalidIdentity),
        ("malformed SSH identity", CageErrorCode.InvalidIdentity), // e.g. an ECDSA or DSA private key
        ("malformed secret key", CageErrorCode.InvalidIdentity),
        ("failed to read identity", CageErrorCode.InvalidIdentity),
        ("failed to open output file", CageErrorCode.OutputNotWritable),
        ("failed to write", CageErrorCode.OutputNotWritable),
        // age writing straight into our output file (its stdout, or -o) when the disk fills up mid-stream.
        ("no space left on device", CageErrorCode.OutputNotWritable),
        ("disk quota exceeded", CageErrorCode.OutputNotWritable),
        ("write /dev/stdout", CageErrorCode.OutputNotWritable),
    };

    /// <summary>Builds the exception for a failed age run.</summary>
    /// <param name="exitCode">Exit code as .NET reports it (128 + N when killed by signal N).</param>
    /// <param name="stderr">What age printed on stderr (bounded).</param>
    /// <param name="context">What was being processed, e.g. a file name.</param>
    public static CageException Classify(int exitCode, string stderr, string? context = null)
    {
        var message = ErrorLine(stderr);
        var prefix = context is null ? "" : context + ": ";
        if (message is null && exitCode > 128)
            return new CageException(CageErrorCode.AgeCrashed, $"{prefix}age exited on signal {exitCode - 128}");
        if (message is null)
            return new CageException(CageErrorCode.AgeFailed, $"{prefix}age exited with code {exitCode} and no message");
        foreach (var (fragment, code) in Rules)
        {
            if (message.Contains(fragment, StringComparison.Ordinal))
                return new CageException(code, $"{prefix}age said \"{message}\"");
        }
        return new CageException(CageErrorCode.AgeFailed, $"{prefix}age said \"{message}\"");
    }

    /// <summary>The first <c>age: error:</c> line without its prefix, redacted; or null.</summary>
    internal static string? ErrorLine(string stderr)
    {
        foreach (var raw in stderr.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            const string prefix = "age: error: ";
            if (line.StartsWith(prefix, StringComparison.Ordinal))
                return Redact(line[prefix.Length..]);
        }
        var firstLine = stderr.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("age: report", StringComparison.Ordinal));
        return firstLine is null ? null : Redact(firstLine.Length > 300 ? firstLine[..300] + "..." : firstLine);
    }

    /// <summary>Removes anything that looks like a secret key from text we are about to show.</summary>
    public static string Redact(string text) => SecretKeyPattern().Replace(text, "AGE-SECRET-KEY-1[redacted]");

    [GeneratedRegex("AGE-SECRET-KEY-1[0-9A-Z]+", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKeyPattern();
}
