using Cage.Adapter.Binary;

namespace Cage.Adapter.Passphrases;

/// <summary>age 1.1.1's passphrase prompts on its terminal, exactly as it prints them, in the order it asks.</summary>
internal static class AgePrompts
{
    public const string EncryptEnter = "Enter passphrase (leave empty to autogenerate a secure one): ";
    public const string EncryptConfirm = "Confirm passphrase: ";
    public const string DecryptEnter = "Enter passphrase: ";

    private static readonly string[] Encrypt = { EncryptEnter, EncryptConfirm };
    private static readonly string[] Decrypt = { DecryptEnter };

    /// <summary>The prompts age shows for <paramref name="operation"/>; each is answered exactly once.</summary>
    public static IReadOnlyList<string> For(AgeOperation operation) => operation == AgeOperation.Encrypt ? Encrypt : Decrypt;
}
