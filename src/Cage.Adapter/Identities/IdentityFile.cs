namespace Cage.Adapter.Identities;

/// <summary>An identity stored in a file.</summary>
public sealed class IdentityFile : IdentitySource
{
    internal IdentityFile(string path) : base(path) => Path = path;

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>
    /// Checks the file before age sees it. Returns contents to hand over instead of the path when the file
    /// needs normalising (a UTF-8 BOM, which age rejects), otherwise null.
    /// </summary>
    internal byte[]? Inspect()
    {
        byte[] bytes;
        try
        {
            if (Directory.Exists(Path))
                throw new CageException(CageErrorCode.InvalidIdentity, $"'{Path}' is a directory, not an identity file");
            bytes = File.ReadAllBytes(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "does not exist" : "cannot be read";
            throw new CageException(CageErrorCode.InvalidIdentity, $"identity file '{Path}' {reason}", e);
        }
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            Array.Clear(bytes);
            throw new CageException(CageErrorCode.InvalidIdentity, $"identity file '{Path}' is UTF-16 encoded",
                hint: "save the key file as UTF-8 (e.g. 'iconv -f UTF-16 -t UTF-8'), or recreate it with 'age-keygen'");
        }
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            var stripped = bytes[3..];
            Array.Clear(bytes);
            return stripped;
        }
        Array.Clear(bytes);
        return null;
    }
}
