namespace Cage.Adapter.Rotation;

/// <summary>How strongly a re-encrypted file was checked before it replaced the original.</summary>
public enum RotationVerification
{
    /// <summary>Decrypted again with the given identities and compared with the original plaintext (SHA-256).</summary>
    Deep,
    /// <summary>The new header is complete and names the expected number of recipients; no identity for the new set was available.</summary>
    Header,
}
