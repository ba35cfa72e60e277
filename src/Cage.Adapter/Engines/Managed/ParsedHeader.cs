namespace Cage.Adapter.Engines.Managed;

/// <summary>A header as read from a file: its stanzas, its MAC and the exact bytes the MAC covers.</summary>
internal sealed record ParsedHeader(IReadOnlyList<Stanza> Stanzas, byte[] Mac, byte[] BytesUpToMac);
