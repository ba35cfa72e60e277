using System.Runtime.InteropServices;

namespace Cage.Adapter.Interop;

/// <summary>
/// The libc calls the adapter needs for files and FIFOs (Linux and macOS). PTY and spawn calls live in
/// <c>Libc.Pty.cs</c>. Kept tiny: every call here is one the BCL does not offer.
/// </summary>
internal static partial class Libc
{
    private const string Library = "libc";

    /// <summary>Open for writing only.</summary>
    public const int O_WRONLY = 1;
    /// <summary>Open for reading and writing.</summary>
    public const int O_RDWR = 2;
    /// <summary>Open for reading only.</summary>
    public const int O_RDONLY = 0;

    /// <summary>Linux value of O_NONBLOCK (macOS differs: 0x4).</summary>
    public static int O_NONBLOCK => OperatingSystem.IsMacOS() ? 0x0004 : 0x800;

    /// <summary>Linux value of O_CLOEXEC (macOS: 0x1000000).</summary>
    public static int O_CLOEXEC => OperatingSystem.IsMacOS() ? 0x1000000 : 0x80000;

    public const int EINTR = 4;
    public static int EAGAIN => OperatingSystem.IsMacOS() ? 35 : 11;
    public const int EPIPE = 32;
    public static int ENXIO => 6;

    [DllImport(Library, SetLastError = true)]
    public static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    [DllImport(Library, SetLastError = true)]
    public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport(Library, SetLastError = true)]
    public static extern int close(int fd);

    [DllImport(Library, SetLastError = true)]
    public static extern unsafe nint write(int fd, byte* buffer, nint count);

    [DllImport(Library, SetLastError = true)]
    public static extern unsafe nint read(int fd, byte* buffer, nint count);

    /// <summary>Writes all of <paramref name="data"/>, retrying on EINTR; returns errno on failure, 0 on success.</summary>
    public static unsafe int WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            var offset = 0;
            while (offset < data.Length)
            {
                var written = write(fd, start + offset, data.Length - offset);
                if (written < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == EINTR)
                        continue;
                    return errno;
                }
                offset += (int)written;
            }
        }
        return 0;
    }
}
