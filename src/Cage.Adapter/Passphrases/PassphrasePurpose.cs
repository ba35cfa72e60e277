namespace Cage.Adapter.Passphrases;

/// <summary>What a passphrase is asked for: encryption asks twice on a terminal (confirmation), decryption once.</summary>
public enum PassphrasePurpose
{
    /// <summary>Encrypting: an interactive prompt asks for confirmation.</summary>
    Encrypt,
    /// <summary>Decrypting.</summary>
    Decrypt,
}
