using Cage.Adapter.Recipients;

namespace Cage.Adapter.Engines.Managed;

/// <summary>Turns validated recipients into stanza writers.</summary>
internal static class ManagedRecipients
{
    public static IStanzaRecipient Create(Recipient recipient) => recipient.Kind switch
    {
        RecipientKind.X25519 => new X25519Recipient(DecodeX25519(recipient.Value)),
        RecipientKind.SshEd25519 => SshEd25519Recipient.Parse(recipient.Value),
        RecipientKind.SshRsa => SshRsaRecipient.Parse(recipient.Value),
        _ => throw new CageException(CageErrorCode.ManagedEngineUnsupported, $"recipient type {recipient.Kind}"),
    };

    private static byte[] DecodeX25519(string value)
    {
        if (!Bech32.TryDecode(value, out var hrp, out var data, out _) || hrp != "age" || data.Length != X25519Keys.Size)
            throw new CageException(CageErrorCode.InvalidRecipient, "not an X25519 age public key");
        return data;
    }
}
