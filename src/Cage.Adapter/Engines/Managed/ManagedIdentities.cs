using System.Security.Cryptography;
using System.Text;
using Cage.Adapter.Identities;
using Cage.Adapter.Recipients;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// Reads identity sources in process: files of <c>AGE-SECRET-KEY-1...</c> lines (comments and blank lines
/// skipped, as age does) or one unencrypted OpenSSH private key. Contents are zeroed after parsing.
/// </summary>
internal static class ManagedIdentities
{
    private const string SecretKeyPrefix = "AGE-SECRET-KEY-1";

    public static List<IStanzaIdentity> Load(IReadOnlyList<IdentitySource> sources)
    {
        if (sources.Count == 0)
            throw new CageException(CageErrorCode.NoIdentity);
        var identities = new List<IStanzaIdentity>();
        foreach (var source in sources)
        {
            var bytes = ReadBytes(source);
            try
            {
                identities.AddRange(Parse(bytes, source.Description));
            }
            catch
            {
                identities.ForEach(i => i.Dispose());
                throw;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(bytes);
            }
        }
        return identities;
    }

    /// <summary>Parses identity file contents; <paramref name="description"/> names them in errors (never the contents).</summary>
    public static List<IStanzaIdentity> Parse(byte[] bytes, string description)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        if (text.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal))
            return [SshPrivateKey.Parse(text, description)];
        var identities = new List<IStanzaIdentity>();
        var lineNumber = 0;
        try
        {
            foreach (var rawLine in text.Split('\n'))
            {
                lineNumber++;
                var line = rawLine.TrimEnd('\r').Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                    continue;
                identities.Add(ParseSecretKey(line, $"{description}:{lineNumber}"));
            }
        }
        catch
        {
            identities.ForEach(i => i.Dispose());
            throw;
        }
        if (identities.Count == 0)
            throw new CageException(CageErrorCode.InvalidIdentity, $"{description} holds no identity");
        return identities;
    }

    private static X25519Identity ParseSecretKey(string line, string where)
    {
        if (line.StartsWith("AGE-PLUGIN-", StringComparison.Ordinal))
            throw new CageException(CageErrorCode.ManagedEngineUnsupported, $"{where}: plugin identities need the age binary");
        if (!line.StartsWith(SecretKeyPrefix, StringComparison.Ordinal)
            || !Bech32.TryDecode(line, out var hrp, out var secret, out _)
            || hrp != "age-secret-key-" || secret.Length != X25519Keys.Size)
            throw new CageException(CageErrorCode.InvalidIdentity, $"{where} is not an AGE-SECRET-KEY-1 identity (not shown)");
        return new X25519Identity(secret);
    }

    private static byte[] ReadBytes(IdentitySource source)
    {
        switch (source)
        {
            case IdentityContents contents:
                return contents.CopyBytes();
            case IdentityFile file:
                try
                {
                    if (Directory.Exists(file.Path))
                        throw new CageException(CageErrorCode.InvalidIdentity, $"'{file.Path}' is a directory, not an identity file");
                    return File.ReadAllBytes(file.Path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    var reason = e is FileNotFoundException or DirectoryNotFoundException ? "does not exist" : "cannot be read";
                    throw new CageException(CageErrorCode.InvalidIdentity, $"identity file '{file.Path}' {reason}", e);
                }
            default:
                throw new CageException(CageErrorCode.InvalidIdentity, $"{source.Description}: unsupported identity source");
        }
    }
}
