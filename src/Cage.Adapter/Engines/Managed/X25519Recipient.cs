using System.Security.Cryptography;

namespace Cage.Adapter.Engines.Managed;

/// <summary>An <c>age1...</c> recipient: ephemeral X25519, wrap key HKDF(shared, share ‖ recipient, label).</summary>
internal sealed class X25519Recipient : IStanzaRecipient
{
    public const string Type = "X25519";
    public const string Label = "age-encryption.org/v1/X25519";

    private readonly byte[] _publicKey;

    public X25519Recipient(byte[] publicKey) => _publicKey = publicKey;

    public Stanza Wrap(ReadOnlySpan<byte> fileKey)
    {
        var ephemeral = X25519Keys.NewScalar();
        try
        {
            var share = X25519Keys.PublicKey(ephemeral);
            var shared = X25519Keys.SharedSecret(ephemeral, _publicKey, CageErrorCode.InvalidRecipient);
            var wrapKey = AgeKdf.Derive(shared, [.. share, .. _publicKey], Label);
            CryptographicOperations.ZeroMemory(shared);
            return new Stanza(Type, [CanonicalBase64.Encode(share)], AgeKdf.WrapFileKey(wrapKey, fileKey));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ephemeral);
        }
    }
}
