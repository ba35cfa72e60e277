using Cage.Adapter.Engines;
using Cage.Adapter.Passphrases;
using Cage.Testing;

namespace Cage.Adapter.Tests.Passphrases;

/// <summary>Shared helpers for passphrase tests: engines per strategy, fake age scripts, controllable input streams.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class PassphraseKit
{
    public static readonly Passphrase Secret = Passphrase.FromString("correct horse battery staple");

    /// <summary>An engine with an explicit strategy and a private temp root (so temp files can be checked).</summary>
    public static AgeBinaryEngine Engine(StreamingStrategy strategy, string? tempRoot = null, string? agePath = null,
        TimeSpan? promptTimeout = null, TimeSpan? timeout = null, int concurrency = 2) =>
        new(new AgeBinaryEngineOptions
        {
            AgePath = agePath ?? AgeCli.AgePath,
            Strategy = strategy,
            TempRoot = tempRoot,
            PromptTimeout = promptTimeout ?? AgeBinaryEngineOptions.DefaultPromptTimeout,
            Timeout = timeout,
            MaxPassphraseConcurrency = concurrency,
        });

    public static async Task<byte[]> EncryptAsync(AgeBinaryEngine engine, byte[] plaintext, Passphrase passphrase, bool armor = false, CancellationToken cancellationToken = default)
    {
        using var output = new MemoryStream();
        await engine.EncryptAsync(new MemoryStream(plaintext), output, EncryptOptions.ForPassphrase(passphrase, armor), cancellationToken);
        return output.ToArray();
    }

    public static async Task<byte[]> DecryptAsync(AgeBinaryEngine engine, byte[] ciphertext, Passphrase passphrase, CancellationToken cancellationToken = default)
    {
        using var output = new MemoryStream();
        await engine.DecryptAsync(new MemoryStream(ciphertext), output, DecryptOptions.ForPassphrase(passphrase), cancellationToken);
        return output.ToArray();
    }

    /// <summary>Writes an executable fake age: answers --version like age, then runs <paramref name="body"/>.</summary>
    public static string FakeAge(TempDir dir, string name, string body) => Cage.Testing.FakeAge.Script(dir.Path, name, body);

    /// <summary>Files and folders below <paramref name="root"/> (relative), for "nothing left behind" checks.</summary>
    public static IReadOnlyList<string> Entries(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(root, e)).Order().ToList();
}
