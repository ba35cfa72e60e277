using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Cage.Adapter.Files;

namespace Cage.Build.Tasks;

/// <summary>
/// Remembers, per ciphertext, what it was made from, so that CageEncrypt does not rewrite a ciphertext whose
/// plaintext and recipients did not change (age output is randomised: re-encrypting churns files in git).
/// One tab-separated file in obj/ per project: output path, SHA-256 of the plaintext, SHA-256 of the settings
/// (armor + recipients), SHA-256 of the ciphertext we wrote (so a ciphertext replaced by e.g. a git checkout is
/// not trusted).
/// Why an unkeyed SHA-256 of the plaintext is acceptable here: the file lives only in obj/ (never committed,
/// removed by clean, written 0600), on the machine that holds the plaintext itself in the file being encrypted;
/// anyone who can read it can read the plaintext directly. A keyed hash would need a key stored in the same place,
/// which adds nothing. Decrypting the old ciphertext to compare is used only when there is no trustworthy record
/// (first build, fresh clone) and an identity is at hand, because it costs an age run per item.
/// </summary>
internal sealed class EncryptState
{
    private const string Version = "cage-encrypt-state-v1";
    private readonly ConcurrentDictionary<string, Entry> _entries;

    private EncryptState(ConcurrentDictionary<string, Entry> entries) => _entries = entries;

    /// <summary>What one ciphertext was made from.</summary>
    public sealed record Entry(string PlaintextHash, string SettingsHash, string CiphertextHash);

    /// <summary>Reads the state file; a missing or unreadable file is an empty state (everything is re-checked).</summary>
    public static EncryptState Load(string? path)
    {
        var entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        if (path is null || !File.Exists(path))
            return new EncryptState(entries);
        try
        {
            var lines = File.ReadAllLines(path, Encoding.UTF8);
            if (lines.Length == 0 || lines[0] != Version)
                return new EncryptState(entries);
            foreach (var fields in lines.Skip(1).Select(l => l.Split('\t')).Where(f => f.Length == 4))
                entries[fields[0]] = new Entry(fields[1], fields[2], fields[3]);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return new EncryptState(entries);
    }

    /// <summary>True when <paramref name="output"/> exists and is the ciphertext recorded for this plaintext and settings.</summary>
    public bool IsCurrent(string output, string plaintextHash, string settingsHash) =>
        _entries.TryGetValue(output, out var entry)
        && entry.PlaintextHash == plaintextHash
        && entry.SettingsHash == settingsHash
        && File.Exists(output)
        && entry.CiphertextHash == HashFile(output);

    /// <summary>Records what <paramref name="output"/> now holds.</summary>
    public void Record(string output, string plaintextHash, string settingsHash) =>
        _entries[output] = new Entry(plaintextHash, settingsHash, HashFile(output));

    /// <summary>Writes the state atomically, owner-only.</summary>
    public async Task SaveAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new StringBuilder().Append(Version).Append('\n');
        foreach (var (output, entry) in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            text.Append(output).Append('\t').Append(entry.PlaintextHash).Append('\t').Append(entry.SettingsHash).Append('\t').Append(entry.CiphertextHash).Append('\n');
        await using var file = AtomicFile.Create(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await file.Stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken).ConfigureAwait(false);
        await file.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lower-case hex SHA-256 of a file's bytes.</summary>
    public static string HashFile(string path)
    {
        using var stream = AgeFileOperations.OpenInput(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    /// <summary>Lower-case hex SHA-256 of text (for settings, which are public: armor and recipient keys).</summary>
    public static string HashText(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
