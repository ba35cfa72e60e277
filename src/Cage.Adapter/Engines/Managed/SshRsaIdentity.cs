using Org.BouncyCastle.Crypto;

namespace Cage.Adapter.Engines.Managed;

/// <summary>An unencrypted OpenSSH RSA private key used as an identity.</summary>
internal sealed class SshRsaIdentity : IStanzaIdentity
{
    private readonly AsymmetricKeyParameter _key;
    private readonly string _fingerprint;

    public SshRsaIdentity(byte[] publicBlob, AsymmetricKeyParameter privateKey)
    {
        _key = privateKey;
        _fingerprint = SshWire.Fingerprint(publicBlob);
    }

    /// <summary>BouncyCastle's BigIntegers are immutable and cannot be zeroed; they are dropped.</summary>
    public void Dispose()
    {
    }

    public byte[]? Unwrap(IReadOnlyList<Stanza> stanzas)
    {
        foreach (var stanza in stanzas.Where(s => s.Type == SshRsaRecipient.Type))
        {
            stanza.RequireArguments(1);
            if (stanza.Arguments[0] != _fingerprint)
                continue;
            var oaep = SshRsaRecipient.Oaep();
            oaep.Init(false, _key);
            byte[] fileKey;
            try
            {
                fileKey = oaep.ProcessBlock(stanza.Body, 0, stanza.Body.Length);
            }
            catch (Exception e) when (e is InvalidCipherTextException or DataLengthException)
            {
                throw new CageException(CageErrorCode.HeaderCorrupted, "the ssh-rsa stanza for this key does not decrypt", e);
            }
            if (fileKey.Length != AgeV1.FileKeySize)
                throw new CageException(CageErrorCode.HeaderCorrupted, "the ssh-rsa stanza holds a file key of the wrong size");
            return fileKey;
        }
        return null;
    }
}
