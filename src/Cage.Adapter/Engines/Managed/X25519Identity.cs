using System.Security.Cryptography;

namespace Cage.Adapter.Engines.Managed;

/// <summary>An <c>AGE-SECRET-KEY-1...</c> identity.</summary>
internal sealed class X25519Identity : IStanzaIdentity
{
    private readonly byte[] _secret;

    public X25519Identity(byte[] secret)
    {
        _secret = secret;
        PublicKey = X25519Keys.PublicKey(secret);
    }

    public byte[] PublicKey { get; }

    public void Dispose() => CryptographicOperations.ZeroMemory(_secret);

    public byte[]? Unwrap(IReadOnlyList<Stanza> stanzas)
    {
        foreach (var stanza in stanzas.Where(s => s.Type == X25519Recipient.Type))
        {
            stanza.RequireArguments(1);
            var share = CanonicalBase64.Decode(stanza.Arguments[0], "an X25519 share", X25519Keys.Size);
            stanza.RequireBodyLength(AgeV1.FileKeySize + AgeV1.TagSize);
            var shared = X25519Keys.SharedSecret(_secret, share);
            var wrapKey = AgeKdf.Derive(shared, [.. share, .. PublicKey], X25519Recipient.Label);
            CryptographicOperations.ZeroMemory(shared);
            if (AgeKdf.UnwrapFileKey(wrapKey, stanza.Body) is { } fileKey)
                return fileKey;
        }
        return null;
    }
}
