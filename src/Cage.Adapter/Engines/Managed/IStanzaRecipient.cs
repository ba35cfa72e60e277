namespace Cage.Adapter.Engines.Managed;

/// <summary>Wraps a file key into a header stanza for one recipient.</summary>
internal interface IStanzaRecipient
{
    Stanza Wrap(ReadOnlySpan<byte> fileKey);
}
