namespace Cage.Adapter.Identities;

/// <summary>
/// Warns about identity files other users can read or write (any group/other bit), as ssh does for private
/// keys. A warning, not an error: refusing would break builds over a checkout's umask, and the key is already
/// exposed by the time we look.
/// </summary>
public static class IdentityPermissions
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>One <see cref="CageErrorCode.IdentityFileExposed"/> warning per identity file with group/other bits; none on Windows.</summary>
    public static IReadOnlyList<CageWarning> Check(IEnumerable<IdentitySource> identities)
    {
        if (OperatingSystem.IsWindows())
            return Array.Empty<CageWarning>();
        var warnings = new List<CageWarning>();
        foreach (var file in identities.OfType<IdentityFile>())
        {
            if (ModeOf(file.Path) is { } mode && (mode & GroupOrOther) != 0)
                warnings.Add(new CageWarning(CageErrorCode.IdentityFileExposed, $"'{file.Path}' has mode {Octal(mode)}"));
        }
        return warnings;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static UnixFileMode? ModeOf(string path)
    {
        try
        {
            return File.Exists(path) ? File.GetUnixFileMode(path) : null; // follows symlinks: the key's own mode
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // unreadable or gone: decrypting reports that with its own code
        }
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');
}
