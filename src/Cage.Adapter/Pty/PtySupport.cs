namespace Cage.Adapter.Pty;

/// <summary>Whether this platform can run a child with a pseudo-terminal as its controlling terminal.</summary>
public static class PtySupport
{
    /// <summary>True on Linux and macOS (posix_spawn with a new session); false on Windows and elsewhere.</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>Throws <see cref="CageErrorCode.PtyNotSupported"/> where passphrase automation cannot work.</summary>
    public static void EnsureSupported()
    {
        if (!IsSupported)
            throw new CageException(CageErrorCode.PtyNotSupported,
                $"age reads passphrases only from a terminal, and driving one is not implemented on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
    }
}
