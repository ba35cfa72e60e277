using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Passphrases;
using Cage.Adapter.Recipients;
using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>
/// 100 MiB of random plaintext and its ciphertexts (to a fresh age key, and with a passphrase), made once for
/// the whole run: large enough that age is reliably caught mid-stream.
/// </summary>
public sealed class BigFiles : IDisposable
{
    public const int Size = 100 * 1024 * 1024;
    public static readonly Passphrase Passphrase = Passphrase.FromString("reliability big-file passphrase");
    private readonly TempDir _dir = new("cage-rel-big-");

    public BigFiles()
    {
        (IdentityFile, Recipient) = TestKeys.NewAgeKey(_dir);
        Plaintext = _dir.File("big.bin");
        using (var file = File.Create(Plaintext))
        {
            var chunk = new byte[1024 * 1024];
            var random = new Random(100);
            for (var i = 0; i < Size / chunk.Length; i++)
            {
                random.NextBytes(chunk);
                file.Write(chunk);
            }
        }
        PlaintextHash = Aftermath.Sha256(Plaintext);
        var engine = new AgeBinaryEngine(new AgeBinaryEngineOptions { AgePath = AgeCli.AgePath });
        RecipientCiphertext = _dir.File("big.bin.age");
        engine.EncryptFileAsync(Plaintext, RecipientCiphertext, EncryptOptions.ForRecipients(RecipientSet.Empty.Add(Recipient))).GetAwaiter().GetResult();
        PassphraseCiphertext = _dir.File("big.bin.pass.age");
        engine.EncryptFileAsync(Plaintext, PassphraseCiphertext, EncryptOptions.ForPassphrase(Passphrase)).GetAwaiter().GetResult();
    }

    public string IdentityFile { get; }
    public string Recipient { get; }
    public string Plaintext { get; }
    public string PlaintextHash { get; }
    public string RecipientCiphertext { get; }
    public string PassphraseCiphertext { get; }

    public void Dispose() => _dir.Dispose();
}

[CollectionDefinition(Name)]
public sealed class BigFilesCollection : ICollectionFixture<BigFiles>
{
    public const string Name = "big files";
}
