using System.Security.Cryptography;

namespace Cage.Adapter.Engines.Managed;

/// <summary>An unencrypted OpenSSH Ed25519 private key used as an identity.</summary>
internal sealed class SshEd25519Identity : IStanzaIdentity
{
    private readonly byte[] _blob;
    private readonly byte[] _scalar;
    private readonly byte[] _montgomery;
    private readonly string _fingerprint;

    public SshEd25519Identity(byte[] publicBlob, ReadOnlySpan<byte> seed)
    {
        _blob = publicBlob;
        _scalar = Ed25519ToX25519.Scalar(seed);
        _montgomery = Ed25519ToX25519.PublicKey(SshEd25519Recipient.ReadPublicKey(publicBlob));
        _fingerprint = SshWire.Fingerprint(publicBlob);
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_scalar);

    public byte[]? Unwrap(IReadOnlyList<Stanza> stanzas)
    {
        foreach (var stanza in stanzas.Where(s => s.Type == SshEd25519Recipient.Type))
        {
            stanza.RequireArguments(2);
            var share = CanonicalBase64.Decode(stanza.Arguments[1], "an ssh-ed25519 share", X25519Keys.Size);
            if (stanza.Arguments[0] != _fingerprint)
                continue;
            stanza.RequireBodyLength(AgeV1.FileKeySize + AgeV1.TagSize);
            var shared = X25519Keys.SharedSecret(_scalar, share);
            var tweaked = X25519Keys.SharedSecret(SshEd25519Recipient.Tweak(_blob), shared);
            CryptographicOperations.ZeroMemory(shared);
            var wrapKey = AgeKdf.Derive(tweaked, [.. share, .. _montgomery], SshEd25519Recipient.Label);
            CryptographicOperations.ZeroMemory(tweaked);
            if (AgeKdf.UnwrapFileKey(wrapKey, stanza.Body) is { } fileKey)
                return fileKey;
        }
        return null;
    }
}
