using System.Security.Cryptography;
using Cage.Adapter.Passphrases;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// The age v1 format in process (C2SP age.md): X25519, scrypt, ssh-ed25519 and ssh-rsa, armor, and payload
/// chunks encrypted and decrypted in parallel. No binary, no PTY for passphrases.
/// <para>
/// Primitives are vetted implementations only: System.Security.Cryptography for ChaCha20-Poly1305, HKDF,
/// HMAC-SHA-256, SHA-2 and randomness (platform crypto: OpenSSL, CNG, CommonCrypto); BouncyCastle.Cryptography
/// (MIT, maintained by the Legion of the Bouncy Castle, constant-time RFC 7748) for what .NET lacks: X25519,
/// scrypt and RSA-OAEP with a label.
/// </para>
/// </summary>
public sealed class ManagedAgeEngine : IAgeEngine
{
    /// <summary>Throws <see cref="CageErrorCode.ManagedEngineUnsupported"/> when the platform has no ChaCha20-Poly1305.</summary>
    public ManagedAgeEngine(ManagedEngineOptions? options = null)
    {
        Options = options ?? new ManagedEngineOptions();
        if (Options.WorkFactor is < 1 or > 30 || Options.MaxWorkFactor is < 1 or > 30)
            throw new ArgumentOutOfRangeException(nameof(options), "work factors must be between 1 and 30");
        if (Options.Parallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(options), "Parallelism must be at least 1");
        if (!IsSupported)
            throw new CageException(CageErrorCode.ManagedEngineUnsupported, "ChaCha20-Poly1305 is not available in this runtime");
    }

    /// <summary>Whether this platform can run the managed engine.</summary>
    public static bool IsSupported => ChaCha20Poly1305.IsSupported;

    /// <summary>The settings in use.</summary>
    public ManagedEngineOptions Options { get; }

    /// <inheritdoc />
    public async Task EncryptAsync(Stream input, Stream output, EncryptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fileKey = RandomNumberGenerator.GetBytes(AgeV1.FileKeySize);
        byte[]? passphrase = null;
        try
        {
            var recipients = options.Passphrase is not null
                ? [new ScryptRecipient(passphrase = options.Passphrase.ToUtf8(), Options.WorkFactor)]
                : options.Recipients.EnsureNotEmpty().Recipients.Select(ManagedRecipients.Create).ToList();
            var stanzas = recipients.Select(r => r.Wrap(fileKey)).ToList();
            var target = options.Armor ? new ArmorWriter(output) : output;
            await target.WriteAsync(HeaderWriter.Write(stanzas, fileKey), cancellationToken).ConfigureAwait(false);
            var nonce = RandomNumberGenerator.GetBytes(AgeV1.PayloadNonceSize);
            await target.WriteAsync(nonce, cancellationToken).ConfigureAwait(false);
            var payloadKey = AgeKdf.Derive(fileKey, nonce, "payload");
            try
            {
                await PayloadEncryptor.EncryptAsync(input, target, payloadKey, Options.Parallelism, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(payloadKey);
            }
            if (target is ArmorWriter armor)
                await armor.FinishAsync(cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
            if (passphrase is not null)
                CryptographicOperations.ZeroMemory(passphrase);
        }
    }

    /// <inheritdoc />
    public async Task DecryptAsync(Stream input, Stream output, DecryptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        byte[]? passphrase = null;
        List<IStanzaIdentity> identities = [];
        try
        {
            identities = options.Passphrase is not null
                ? [new ScryptIdentity(passphrase = options.Passphrase.ToUtf8(), Options.MaxWorkFactor)]
                : ManagedIdentities.Load(options.Identities);
            var source = new InputBuffer(input);
            if (await AgeArmor.IsArmoredAsync(source, cancellationToken).ConfigureAwait(false))
                source = new InputBuffer(new ArmorReader(source));
            var header = await HeaderReader.ReadAsync(source, cancellationToken).ConfigureAwait(false);
            var fileKey = Unwrap(header, identities, options.Passphrase is not null);
            try
            {
                HeaderMac.Verify(fileKey, header);
                await DecryptPayloadAsync(source, output, fileKey, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(fileKey);
            }
        }
        finally
        {
            foreach (var identity in identities)
                identity.Dispose();
            if (passphrase is not null)
                CryptographicOperations.ZeroMemory(passphrase);
        }
    }

    private async Task DecryptPayloadAsync(InputBuffer source, Stream output, byte[] fileKey, CancellationToken cancellationToken)
    {
        var nonce = new byte[AgeV1.PayloadNonceSize];
        var read = await source.ReadAtLeastAsync(nonce, nonce.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read < nonce.Length)
            throw new CageException(CageErrorCode.Truncated, "the payload nonce is missing");
        var payloadKey = AgeKdf.Derive(fileKey, nonce, "payload");
        try
        {
            await PayloadDecryptor.DecryptAsync(source, output, payloadKey, Options.Parallelism, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payloadKey);
        }
    }

    private static byte[] Unwrap(ParsedHeader header, IReadOnlyList<IStanzaIdentity> identities, bool withPassphrase)
    {
        var hasScrypt = header.Stanzas.Any(s => s.Type == ScryptRecipient.Type);
        if (hasScrypt && header.Stanzas.Count != 1)
            throw new CageException(CageErrorCode.HeaderCorrupted, "an scrypt stanza must be the only one");
        foreach (var identity in identities)
        {
            if (identity.Unwrap(header.Stanzas) is { } fileKey)
                return fileKey;
        }
        if (withPassphrase)
        {
            throw hasScrypt
                ? new CageException(CageErrorCode.IncorrectPassphrase)
                : new CageException(CageErrorCode.NoIdentityMatched, "the file is not passphrase-encrypted");
        }
        throw new CageException(CageErrorCode.NoIdentityMatched, hasScrypt ? "the file is passphrase-encrypted" : null);
    }
}
