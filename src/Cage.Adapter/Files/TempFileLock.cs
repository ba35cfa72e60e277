using Cage.Adapter.Interop;
using Microsoft.Win32.SafeHandles;

namespace Cage.Adapter.Files;

/// <summary>
/// An exclusive flock(2) on a temp file for as long as its writer has it open. The kernel drops the lock when
/// the writer exits, however it exits (even SIGKILL), so a temp file nobody holds locked is a crash's leftover.
/// We take the lock ourselves instead of relying on FileShare.None, which .NET lets users switch off
/// (DOTNET_SYSTEM_IO_DISABLEFILELOCKING).
/// </summary>
internal static class TempFileLock
{
    /// <summary>Locks <paramref name="file"/> exclusively without waiting; false when another open file holds it.</summary>
    public static bool TryAcquire(SafeFileHandle file)
    {
        if (OperatingSystem.IsWindows())
            return true; // Windows refuses to delete an open file anyway
        while (true)
        {
            if (Libc.flock((int)file.DangerousGetHandle(), Libc.LOCK_EX | Libc.LOCK_NB) == 0)
                return true;
            if (System.Runtime.InteropServices.Marshal.GetLastPInvokeError() != Libc.EINTR)
                return false;
        }
    }
}
