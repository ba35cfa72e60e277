using System.Security.Cryptography;

namespace Cage.Adapter.Files;

/// <summary>
/// A folder only the current user can enter (0700), for FIFOs and staged secrets. Removed with everything
/// in it on dispose. Lives under <c>CAGE_TEMP_DIR</c> or the system temp folder. While it exists its owner holds
/// an flock on the <see cref="LockFileName"/> file inside; creating a folder removes the folders of dead owners
/// (<see cref="StalePrivateFolders"/>), so a crashed run's staged plaintext does not outlive the next run.
/// </summary>
public sealed class PrivateTempFolder : IDisposable
{
    /// <summary>Every Cage temp folder starts with this, so leftovers of a crashed process can be found.</summary>
    public const string Prefix = "cage-";

    /// <summary>The file whose lock says the folder's owner is alive.</summary>
    public const string LockFileName = ".cage-owner.lock";

    private readonly FileStream? _ownerLock;

    private PrivateTempFolder(string path, FileStream? ownerLock)
    {
        Path = path;
        _ownerLock = ownerLock;
    }

    /// <summary>Full path of the folder.</summary>
    public string Path { get; }

    /// <summary>Creates a new private folder under <paramref name="root"/> (default: CAGE_TEMP_DIR or the temp folder).</summary>
    public static PrivateTempFolder Create(string? root = null, CageEnvironment? environment = null)
    {
        root ??= TempRoot(environment);
        StalePrivateFolders.Remove(root);
        var path = System.IO.Path.Combine(root, Prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant());
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return new PrivateTempFolder(path, null);
        }
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new PrivateTempFolder(path, HoldOwnerLock(path));
    }

    /// <summary>The root under which private folders are made.</summary>
    public static string TempRoot(CageEnvironment? environment = null) =>
        (environment ?? CageEnvironment.Process).Get(CageEnvironmentVariables.TempRoot) ?? System.IO.Path.GetTempPath();

    /// <summary>A path inside the folder.</summary>
    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Creates an empty 0600 file in the folder and opens it for writing.</summary>
    public FileStream CreatePrivateFile(string name, int bufferSize = 1 << 16) =>
        new(Combine(name), PrivateFileOptions.CreateNew(FileAccess.ReadWrite, PrivateFileOptions.OwnerOnly, bufferSize));

    /// <summary>Deletes the folder and everything in it; never throws.</summary>
    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path))
                Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        _ownerLock?.Dispose(); // after the delete: until then no sweeper may take the folder for a dead one
    }

    private static FileStream? HoldOwnerLock(string folder)
    {
        try
        {
            var stream = new FileStream(System.IO.Path.Combine(folder, LockFileName),
                PrivateFileOptions.CreateNew(FileAccess.ReadWrite, PrivateFileOptions.OwnerOnly, bufferSize: 0));
            TempFileLock.TryAcquire(stream.SafeFileHandle);
            return stream;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // no lock file: the folder is simply never swept, as before
        }
    }
}
