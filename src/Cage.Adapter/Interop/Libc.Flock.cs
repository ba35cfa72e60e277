using System.Runtime.InteropServices;

namespace Cage.Adapter.Interop;

/// <summary>flock(2): advisory whole-file locks that die with the process holding them.</summary>
internal static partial class Libc
{
    /// <summary>Exclusive lock.</summary>
    public const int LOCK_EX = 2;

    /// <summary>Fail instead of waiting for a lock someone else holds.</summary>
    public const int LOCK_NB = 4;

    [DllImport(Library, SetLastError = true)]
    public static extern int flock(int fd, int operation);
}
