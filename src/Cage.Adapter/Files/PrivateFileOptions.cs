namespace Cage.Adapter.Files;

/// <summary>Builds <see cref="FileStreamOptions"/> that create a file with a Unix mode from the start (never briefly wider).</summary>
internal static class PrivateFileOptions
{
    /// <summary>Owner read/write only: for anything holding a secret.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static FileStreamOptions CreateNew(FileAccess access, UnixFileMode? mode, int bufferSize)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = access, Share = FileShare.None, BufferSize = bufferSize };
        if (mode is { } unixMode && !OperatingSystem.IsWindows())
            options.UnixCreateMode = unixMode;
        return options;
    }
}
