using System.Runtime.InteropServices;

namespace Cage.Adapter.Interop;

/// <summary>Linux zero-copy calls used to move data between files and age's pipes (fcntl and poll live in Libc.Pty.cs).</summary>
internal static partial class Libc
{
    /// <summary>fcntl command to resize a pipe (Linux).</summary>
    public const int F_SETPIPE_SZ = 1031;

    /// <summary>Hint that more data follows (Linux splice flag).</summary>
    public const uint SPLICE_F_MORE = 4;

    /// <summary>poll(): data may be written.</summary>
    public const short POLLOUT = 0x4;

    [DllImport(Library, SetLastError = true)]
    public static extern unsafe nint splice(int fdIn, long* offsetIn, int fdOut, long* offsetOut, nuint length, uint flags);

}
