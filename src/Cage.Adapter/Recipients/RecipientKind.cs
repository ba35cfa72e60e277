namespace Cage.Adapter.Recipients;

/// <summary>The kinds of recipient age 1.1 accepts.</summary>
public enum RecipientKind
{
    /// <summary>An X25519 age public key, <c>age1...</c>.</summary>
    X25519,
    /// <summary>An <c>ssh-ed25519</c> public key.</summary>
    SshEd25519,
    /// <summary>An <c>ssh-rsa</c> public key.</summary>
    SshRsa,
}
