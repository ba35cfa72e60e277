using System.Runtime.InteropServices;

namespace Cage.Adapter.Interop;

/// <summary>File calls the BCL lacks.</summary>
internal static partial class Libc
{
    /// <summary>Linux: start (or wait for) writeback of a byte range; used to overlap disk writes with streaming.</summary>
    [DllImport(Library, SetLastError = true)]
    public static extern int sync_file_range(int fd, long offset, long nbytes, uint flags);

    public const int SEEK_SET = 0;
    public const int SEEK_CUR = 1;

    /// <summary>Moves (or, with SEEK_CUR and 0, reads) a descriptor's file offset, shared with a child that inherited it.</summary>
    [DllImport(Library, SetLastError = true)]
    public static extern long lseek(int fd, long offset, int whence);

    /// <summary>Linux: copies between two files inside the kernel (no user-space buffer); may copy less than asked.</summary>
    [DllImport(Library, SetLastError = true)]
    public static extern unsafe nint copy_file_range(int inputFd, long* inputOffset, int outputFd, long* outputOffset, nint length, uint flags);

    /// <summary>Renames within one file system only (EXDEV otherwise), unlike File.Move, which falls back to copying.</summary>
    [DllImport(Library, SetLastError = true)]
    public static extern int rename([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);
}
