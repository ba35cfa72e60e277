using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cage.Adapter.Engines.Managed;
using Cage.Adapter.Files;
using Cage.Adapter.Recipients;

namespace Cage.Adapter.Keys;

/// <summary>
/// age-keygen in process: a random X25519 scalar written in age-keygen's format (created comment, public key
/// comment, <c>AGE-SECRET-KEY-1...</c>) straight into a 0600 <see cref="AtomicFile"/>.
/// </summary>
public sealed class ManagedKeygen : IKeyGenerator
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <inheritdoc />
    public async Task<GeneratedKey> GenerateAsync(string path, bool overwrite, CancellationToken cancellationToken = default)
    {
        if (File.Exists(path) && !overwrite)
            throw new CageException(CageErrorCode.OutputExists, $"'{path}'");
        EnsurePrivateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var secret = X25519Keys.NewScalar();
        byte[]? contents = null;
        try
        {
            var recipient = RecipientOf(secret);
            var created = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture).Replace("+00:00", "Z");
            contents = Encoding.ASCII.GetBytes($"# created: {created}\n# public key: {recipient}\n{SecretKeyOf(secret)}\n");
            await using var file = AtomicFile.Create(path, OwnerOnly);
            await file.Stream.WriteAsync(contents, cancellationToken).ConfigureAwait(false);
            await file.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new GeneratedKey(Path.GetFullPath(path), recipient);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
            if (contents is not null)
                CryptographicOperations.ZeroMemory(contents);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> DeriveRecipientsAsync(string identityPath, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(identityPath))
            throw new CageException(CageErrorCode.InputNotFound, $"'{identityPath}'");
        var bytes = File.ReadAllBytes(identityPath);
        try
        {
            return Task.FromResult(Derive(bytes, identityPath));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> DeriveRecipientsFromContentsAsync(byte[] identity, CancellationToken cancellationToken = default) =>
        Task.FromResult(Derive(identity, "the identity"));

    /// <summary>The <c>age1...</c> recipient of a 32-byte X25519 secret.</summary>
    internal static string RecipientOf(ReadOnlySpan<byte> secret) => Bech32.Encode("age", X25519Keys.PublicKey(secret));

    /// <summary>The <c>AGE-SECRET-KEY-1...</c> text of a 32-byte X25519 secret (a secret: zero what holds it).</summary>
    internal static string SecretKeyOf(ReadOnlySpan<byte> secret) => Bech32.Encode("age-secret-key-", secret).ToUpperInvariant();

    private static IReadOnlyList<string> Derive(byte[] bytes, string description)
    {
        var identities = ManagedIdentities.Parse(bytes, description);
        try
        {
            if (identities.Any(i => i is not X25519Identity))
                throw new CageException(CageErrorCode.InvalidIdentity, $"{description}: only AGE-SECRET-KEY-1 identities have an age1 recipient (like age-keygen -y)");
            return identities.Cast<X25519Identity>().Select(i => Bech32.Encode("age", i.PublicKey)).ToList();
        }
        finally
        {
            identities.ForEach(i => i.Dispose());
        }
    }

    private static void EnsurePrivateFolder(string folder)
    {
        if (Directory.Exists(folder))
            return;
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(folder);
        else
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
