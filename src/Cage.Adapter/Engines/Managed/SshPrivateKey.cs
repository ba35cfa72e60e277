using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Utilities;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// Reads an unencrypted OpenSSH private key (<c>-----BEGIN OPENSSH PRIVATE KEY-----</c>, what ssh-keygen writes;
/// PEM RSA keys go to <see cref="PemRsaKey"/>)
/// into an ssh-ed25519 or ssh-rsa identity. The container gives the public blob (for the fingerprint);
/// BouncyCastle parses the private part.
/// </summary>
internal static class SshPrivateKey
{
    private const string Begin = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private const string End = "-----END OPENSSH PRIVATE KEY-----";
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("openssh-key-v1\0");

    public static IStanzaIdentity Parse(string text, string description)
    {
        var trimmed = text.Trim();
        if (PemRsaKey.Handles(trimmed))
            return ParsePem(trimmed, description);
        if (!trimmed.StartsWith(Begin, StringComparison.Ordinal) || !trimmed.EndsWith(End, StringComparison.Ordinal))
            throw Invalid(description, "only unencrypted OpenSSH private keys (ssh-keygen's format) are supported by the managed engine");
        byte[] data;
        try
        {
            data = Convert.FromBase64String(trimmed[Begin.Length..^End.Length]);
        }
        catch (FormatException e)
        {
            throw Invalid(description, "the SSH private key is not valid base64", e);
        }
        try
        {
            return FromContainer(data, description);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or IOException)
        {
            throw Invalid(description, "the SSH private key is malformed", e);
        }
        finally
        {
            Array.Clear(data);
        }
    }

    private static IStanzaIdentity ParsePem(string trimmed, string description)
    {
        try
        {
            return PemRsaKey.Parse(trimmed);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            throw Invalid(description, "the PEM private key is not an unencrypted RSA key", e);
        }
    }

    private static IStanzaIdentity FromContainer(byte[] data, string description)
    {
        var wire = new SshWire(data);
        if (!wire.ReadBytes(Magic.Length).SequenceEqual(Magic))
            throw new FormatException("not an openssh-key-v1 key");
        var cipher = Encoding.ASCII.GetString(wire.ReadString());
        if (cipher != "none")
            throw new CageException(CageErrorCode.ManagedEngineUnsupported, $"{description}: a passphrase-protected SSH key needs the age binary (CAGE_ENGINE=age)");
        wire.ReadString(); // kdf name
        wire.ReadString(); // kdf options
        if (wire.ReadUInt32() != 1)
            throw new FormatException("exactly one key expected");
        var publicBlob = wire.ReadString().ToArray();
        var key = OpenSshPrivateKeyUtilities.ParsePrivateKeyBlob(data);
        switch (key)
        {
            case Ed25519PrivateKeyParameters ed25519:
                var seed = ed25519.GetEncoded();
                try
                {
                    return new SshEd25519Identity(publicBlob, seed);
                }
                finally
                {
                    Array.Clear(seed);
                }
            case RsaPrivateCrtKeyParameters rsa:
                return new SshRsaIdentity(publicBlob, rsa);
            default:
                throw new CageException(CageErrorCode.ManagedEngineUnsupported, $"{description}: only ssh-ed25519 and ssh-rsa keys are supported");
        }
    }

    private static CageException Invalid(string description, string detail, Exception? inner = null) =>
        new(CageErrorCode.InvalidIdentity, $"{description}: {detail}", inner);
}
