namespace Cage.Adapter.Engines.Managed;

/// <summary>Recovers the file key from a header's stanzas. Dispose zeroes the secret key material it can reach.</summary>
internal interface IStanzaIdentity : IDisposable
{
    /// <summary>
    /// The file key, or null when no stanza is for this identity. Throws <see cref="CageException"/> for a
    /// malformed stanza of its own type (the spec rejects those rather than skipping them).
    /// </summary>
    byte[]? Unwrap(IReadOnlyList<Stanza> stanzas);
}
