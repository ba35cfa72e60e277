using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Encodings;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// An <c>ssh-rsa</c> recipient: RSA-OAEP-SHA-256 of the file key with the label age uses. BouncyCastle, because
/// .NET's OAEP cannot take a label.
/// </summary>
internal sealed class SshRsaRecipient : IStanzaRecipient
{
    public const string Type = "ssh-rsa";
    public const string Label = "age-encryption.org/v1/ssh-rsa";
    private const int MinimumBits = 2048;

    private readonly byte[] _blob;
    private readonly RsaKeyParameters _key;

    private SshRsaRecipient(byte[] blob, RsaKeyParameters key)
    {
        _blob = blob;
        _key = key;
    }

    public static SshRsaRecipient Parse(string line)
    {
        try
        {
            var blob = SshWire.BlobOf(line);
            var wire = new SshWire(blob);
            if (Encoding.ASCII.GetString(wire.ReadString()) != Type)
                throw new FormatException("not an ssh-rsa key");
            var exponent = new BigInteger(1, wire.ReadString().ToArray());
            var modulus = new BigInteger(1, wire.ReadString().ToArray());
            if (modulus.BitLength < MinimumBits)
                throw new CageException(CageErrorCode.InvalidRecipient, $"the ssh-rsa key has {modulus.BitLength} bits; age requires at least {MinimumBits}");
            return new SshRsaRecipient(blob, new RsaKeyParameters(false, modulus, exponent));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new CageException(CageErrorCode.InvalidRecipient, "an invalid ssh-rsa public key", e);
        }
    }

    public static OaepEncoding Oaep() => new(new RsaEngine(), new Sha256Digest(), new Sha256Digest(), Encoding.ASCII.GetBytes(Label));

    public Stanza Wrap(ReadOnlySpan<byte> fileKey)
    {
        var oaep = Oaep();
        oaep.Init(true, new ParametersWithRandom(_key, new SecureRandom()));
        var body = oaep.ProcessBlock(fileKey.ToArray(), 0, fileKey.Length);
        return new Stanza(Type, [SshWire.Fingerprint(_blob)], body);
    }
}
