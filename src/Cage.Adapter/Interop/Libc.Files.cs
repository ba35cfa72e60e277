using System.Runtime.InteropServices;

namespace Cage.Adapter.Interop;

/// <summary>File calls the BCL lacks.</summary>
internal static partial class Libc
{
    /// <summary>Linux: start (or wait for) writeback of a byte range; used to overlap disk writes with streaming.</summary>
    [DllImport(Library, SetLastError = true)]
    public static extern int sync_file_range(int fd, long offset, long nbytes, uint flags);
}
