namespace Cage.Adapter.Keys;

/// <summary>Creates identities and derives their recipients: <see cref="AgeKeygen"/> (the binary) or <see cref="ManagedKeygen"/>.</summary>
public interface IKeyGenerator
{
    /// <summary>Writes a new identity to <paramref name="path"/> (0600); refuses to replace a file unless <paramref name="overwrite"/>.</summary>
    Task<GeneratedKey> GenerateAsync(string path, bool overwrite, CancellationToken cancellationToken = default);

    /// <summary>The recipients of the identities in a key file.</summary>
    Task<IReadOnlyList<string>> DeriveRecipientsAsync(string identityPath, CancellationToken cancellationToken = default);

    /// <summary>The recipients of identity contents given in memory.</summary>
    Task<IReadOnlyList<string>> DeriveRecipientsFromContentsAsync(byte[] identity, CancellationToken cancellationToken = default);
}
