using Cage.Adapter.Engines;
using Cage.Adapter.Identities;
using Cage.Adapter.Passphrases;
using Cage.Adapter.Recipients;
using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>The three ways data reaches age: recipient/identity pipes, and the two passphrase strategies (PTY).</summary>
public enum KeyPath
{
    Recipient,
    PassphrasePipe,
    PassphraseTempFile,
}

/// <summary>Engines and options for a <see cref="KeyPath"/>.</summary>
public static class KeyPaths
{
    public static AgeBinaryEngine Engine(KeyPath path, string? tempRoot = null, string? agePath = null, TimeSpan? timeout = null) =>
        new(new AgeBinaryEngineOptions
        {
            AgePath = agePath ?? AgeCli.AgePath,
            Strategy = path == KeyPath.PassphraseTempFile ? StreamingStrategy.TempFile : StreamingStrategy.Pipe,
            TempRoot = tempRoot,
            Timeout = timeout,
        });

    public static EncryptOptions Encrypt(KeyPath path, string recipient, Passphrase passphrase) =>
        path == KeyPath.Recipient ? EncryptOptions.ForRecipients(RecipientSet.Empty.Add(recipient)) : EncryptOptions.ForPassphrase(passphrase);

    public static DecryptOptions Decrypt(KeyPath path, string identityFile, Passphrase passphrase) =>
        path == KeyPath.Recipient ? DecryptOptions.ForIdentities(IdentitySource.FromFile(identityFile)) : DecryptOptions.ForPassphrase(passphrase);
}
