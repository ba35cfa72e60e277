using System.Security.Cryptography;
using System.Text;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// An <c>ssh-ed25519</c> recipient: X25519 to the converted key, then a second X25519 with a tweak derived from
/// the SSH key blob; stanza <c>ssh-ed25519 fingerprint share</c>. Interoperates with age's agessh package.
/// </summary>
internal sealed class SshEd25519Recipient : IStanzaRecipient
{
    public const string Type = "ssh-ed25519";
    public const string Label = "age-encryption.org/v1/ssh-ed25519";

    private readonly byte[] _blob;
    private readonly byte[] _montgomery;

    private SshEd25519Recipient(byte[] blob, byte[] montgomery)
    {
        _blob = blob;
        _montgomery = montgomery;
    }

    public static SshEd25519Recipient Parse(string line)
    {
        try
        {
            var blob = SshWire.BlobOf(line);
            return new SshEd25519Recipient(blob, Ed25519ToX25519.PublicKey(ReadPublicKey(blob)));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new CageException(CageErrorCode.InvalidRecipient, "an invalid ssh-ed25519 public key", e);
        }
    }

    /// <summary>The 32-byte Ed25519 key inside an <c>ssh-ed25519</c> blob.</summary>
    public static byte[] ReadPublicKey(ReadOnlySpan<byte> blob)
    {
        var wire = new SshWire(blob);
        if (Encoding.ASCII.GetString(wire.ReadString()) != Type)
            throw new FormatException("not an ssh-ed25519 key");
        var key = wire.ReadString().ToArray();
        if (key.Length != 32 || !wire.IsEmpty)
            throw new FormatException("an ssh-ed25519 key must hold 32 bytes");
        return key;
    }

    /// <summary>The tweak scalar: HKDF-SHA-256(ikm empty, salt = SSH key blob, info = label).</summary>
    public static byte[] Tweak(byte[] blob) => AgeKdf.Derive(ReadOnlySpan<byte>.Empty, blob, Label);

    public Stanza Wrap(ReadOnlySpan<byte> fileKey)
    {
        var ephemeral = X25519Keys.NewScalar();
        try
        {
            var share = X25519Keys.PublicKey(ephemeral);
            var shared = X25519Keys.SharedSecret(ephemeral, _montgomery, CageErrorCode.InvalidRecipient);
            var tweaked = X25519Keys.SharedSecret(Tweak(_blob), shared);
            CryptographicOperations.ZeroMemory(shared);
            var wrapKey = AgeKdf.Derive(tweaked, [.. share, .. _montgomery], Label);
            CryptographicOperations.ZeroMemory(tweaked);
            return new Stanza(Type, [SshWire.Fingerprint(_blob), CanonicalBase64.Encode(share)], AgeKdf.WrapFileKey(wrapKey, fileKey));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ephemeral);
        }
    }
}
