namespace Cage.Adapter.Headers;

/// <summary>
/// What the header of a file says, read without any key: whether it is age, binary or armored, and the
/// type of each recipient stanza (<c>X25519</c>, <c>ssh-ed25519</c>, <c>ssh-rsa</c>, <c>scrypt</c>, ...).
/// </summary>
/// <param name="Format">Binary, armored, or not age at all.</param>
/// <param name="StanzaTypes">Recipient stanza types in header order; empty when not age.</param>
/// <param name="IsComplete">True when the header ends with its MAC line (<c>--- ...</c>).</param>
public sealed record AgeHeader(AgeFileFormat Format, IReadOnlyList<string> StanzaTypes, bool IsComplete)
{
    /// <summary>The stanza type age uses for passphrase encryption.</summary>
    public const string ScryptStanza = "scrypt";

    /// <summary>A header for something that is not age.</summary>
    public static AgeHeader NotAge { get; } = new(AgeFileFormat.NotAge, Array.Empty<string>(), false);

    /// <summary>Bytes up to and including the MAC line, for a complete binary header; null otherwise.</summary>
    public int? BinaryHeaderLength { get; init; }

    /// <summary>True for binary or armored age.</summary>
    public bool IsAge => Format != AgeFileFormat.NotAge;

    /// <summary>True when the file is passphrase-encrypted (an scrypt stanza).</summary>
    public bool IsPassphrase => StanzaTypes.Contains(ScryptStanza, StringComparer.Ordinal);

    /// <summary>True when the header is complete and names at least one recipient (what <c>verify</c> checks).</summary>
    public bool IsWellFormed => IsAge && IsComplete && StanzaTypes.Count > 0;
}
