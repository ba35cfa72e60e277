namespace Cage.Adapter.Recipients;

/// <summary>
/// One validated recipient. <see cref="Value"/> is the canonical form handed to age (SSH comments dropped).
/// Create with <see cref="Parse"/>.
/// </summary>
public sealed record Recipient
{
    private Recipient(RecipientKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>What kind of key this is.</summary>
    public RecipientKind Kind { get; }

    /// <summary>The canonical text of the key, as passed to <c>age -r</c>.</summary>
    public string Value { get; }

    /// <summary>Parses and validates one recipient; throws <see cref="CageErrorCode.InvalidRecipient"/>.</summary>
    /// <param name="text">The recipient text.</param>
    /// <param name="source">Where it came from, for the error message (e.g. <c>.cage/recipients:3</c>).</param>
    public static Recipient Parse(string text, string? source = null)
    {
        if (TryParse(text, out var recipient, out var error))
            return recipient!;
        var where = source is null ? "" : $" (from {source})";
        var shown = LooksSecret(text) ? "(a secret key, not shown)" : $"'{Abbreviate(text.Trim())}'";
        throw new CageException(CageErrorCode.InvalidRecipient, $"{shown}{where}: {error}");
    }

    /// <summary>Parses one recipient without throwing.</summary>
    public static bool TryParse(string text, out Recipient? recipient, out string? error)
    {
        recipient = null;
        var trimmed = text.Trim();
        if (trimmed.StartsWith("age1", StringComparison.Ordinal))
            return TryParseX25519(trimmed, out recipient, out error);
        if (trimmed.StartsWith("ssh-", StringComparison.Ordinal) || trimmed.StartsWith("ecdsa-", StringComparison.Ordinal) || trimmed.StartsWith("sk-", StringComparison.Ordinal))
            return TryParseSsh(trimmed, out recipient, out error);
        if (LooksSecret(trimmed))
        {
            error = "this is a secret key, not a recipient; 'age-keygen -y' prints its public recipient";
            return false;
        }
        error = trimmed.Length == 0 ? "empty recipient" : "unknown recipient type (expected age1..., ssh-ed25519 or ssh-rsa)";
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    private static bool TryParseX25519(string text, out Recipient? recipient, out string? error)
    {
        recipient = null;
        if (!Bech32.TryDecode(text, out var hrp, out var data, out error))
            return false;
        if (hrp != "age" || data.Length != 32)
        {
            error = "not an X25519 age public key";
            return false;
        }
        recipient = new Recipient(RecipientKind.X25519, text.ToLowerInvariant());
        return true;
    }

    private static bool TryParseSsh(string text, out Recipient? recipient, out string? error)
    {
        recipient = null;
        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var type = fields[0];
        var kind = type switch
        {
            "ssh-ed25519" => RecipientKind.SshEd25519,
            "ssh-rsa" => RecipientKind.SshRsa,
            _ => (RecipientKind?)null,
        };
        if (kind is null)
        {
            error = $"unsupported SSH key type '{type}' (age supports ssh-ed25519 and ssh-rsa)";
            return false;
        }
        if (fields.Length < 2 || !SshPublicKey.TryReadType(fields[1], out var embeddedType, out var keyBytes))
        {
            error = "the SSH public key is not valid base64 key data";
            return false;
        }
        if (embeddedType != type)
        {
            error = $"the key data says '{embeddedType}' but the line says '{type}'";
            return false;
        }
        if (kind == RecipientKind.SshEd25519 && keyBytes != 32)
        {
            error = "an ssh-ed25519 key must hold 32 bytes";
            return false;
        }
        error = null;
        recipient = new Recipient(kind.Value, $"{type} {fields[1]}");
        return true;
    }

    private static bool LooksSecret(string text) => text.TrimStart().StartsWith("AGE-SECRET-KEY-", StringComparison.OrdinalIgnoreCase);

    private static string Abbreviate(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
