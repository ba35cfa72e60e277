namespace Cage.Adapter.Pty;

/// <summary>
/// Every number that differs between Linux (glibc, x64/arm64) and macOS, in one place. Values were taken from
/// the system headers (<c>fcntl.h</c>, <c>termios.h</c>, <c>spawn.h</c>, <c>sys/wait.h</c>).
/// </summary>
internal static class PtyConstants
{
    private static bool Mac => OperatingSystem.IsMacOS();

    public const int O_RDONLY = 0;
    public const int O_WRONLY = 1;
    public const int O_RDWR = 2;
    public static int O_NOCTTY => Mac ? 0x20000 : 0x100;
    public static int O_CLOEXEC => Mac ? 0x1000000 : 0x80000;

    public const int F_SETFD = 2;
    public const int FD_CLOEXEC = 1;
    public static int F_DUPFD_CLOEXEC => Mac ? 67 : 1030;

    /// <summary><c>posix_spawnattr_setflags</c> flags. SETSID is a glibc 2.26 / macOS 10.15 extension.</summary>
    public const short POSIX_SPAWN_SETSIGDEF = 0x04;
    public const short POSIX_SPAWN_SETSIGMASK = 0x08;
    public static short POSIX_SPAWN_SETSID => Mac ? (short)0x400 : (short)0x80;

    /// <summary>termios: where <c>c_lflag</c> sits and how wide it is (tcflag_t is 4 bytes on Linux, 8 on macOS).</summary>
    public static int TermiosLocalFlagsOffset => Mac ? 24 : 12;
    public static int TermiosFlagWidth => Mac ? 8 : 4;
    public const long ECHO = 0x8;
    public static long ECHONL => Mac ? 0x10 : 0x40;
    public const int TCSANOW = 0;

    /// <summary>Room for opaque libc structures, well above their real sizes (glibc: termios 60, spawnattr 336, file actions 80, sigset 128).</summary>
    public const int OpaqueBufferSize = 1024;

    public const int SIGHUP = 1;
    public const int SIGINT = 2;
    public const int SIGQUIT = 3;
    public const int SIGKILL = 9;
    public const int SIGPIPE = 13;
    public const int SIGTERM = 15;

    public const int EINTR = 4;
    public const int EIO = 5;
    public static int EAGAIN => Mac ? 35 : 11;

    public const short POLLIN = 0x1;

    public const int P_PID = 1;
    public const int WEXITED = 4;
    public static int WNOWAIT => Mac ? 0x20 : 0x01000000;
}
