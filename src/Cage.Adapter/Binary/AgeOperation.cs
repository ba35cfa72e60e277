namespace Cage.Adapter.Binary;

/// <summary>Which way age is run; decides how its failures read.</summary>
public enum AgeOperation
{
    /// <summary>Encrypting.</summary>
    Encrypt,
    /// <summary>Decrypting.</summary>
    Decrypt,
}
