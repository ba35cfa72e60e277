using System.Runtime.InteropServices;

namespace Cage.Adapter.Interop;

/// <summary>
/// libc calls for pseudo-terminals, pipes and <c>posix_spawn</c>. Raw and unopinionated: the Pty folder wraps
/// them. Platform-dependent numbers live in <c>Pty/PtyConstants.cs</c>, not here. Opaque libc structures
/// (termios, posix_spawnattr_t, sigset_t, ...) are passed as generously sized byte buffers.
/// </summary>
internal static partial class Libc
{
    [DllImport(Library, SetLastError = true)]
    public static extern int posix_openpt(int flags);

    [DllImport(Library, SetLastError = true)]
    public static extern int grantpt(int fd);

    [DllImport(Library, SetLastError = true)]
    public static extern int unlockpt(int fd);

    /// <summary>glibc only; macOS uses <see cref="ptsname"/> (not thread-safe, guarded by the caller).</summary>
    [DllImport(Library, SetLastError = true)]
    public static extern unsafe int ptsname_r(int fd, byte* buffer, nint length);

    [DllImport(Library, SetLastError = true)]
    public static extern nint ptsname(int fd);

    [DllImport(Library, SetLastError = true)]
    public static extern unsafe int tcgetattr(int fd, byte* termios);

    [DllImport(Library, SetLastError = true)]
    public static extern unsafe int tcsetattr(int fd, int optionalActions, byte* termios);

    [DllImport(Library, SetLastError = true)]
    public static extern unsafe int pipe2(int* fds, int flags);

    [DllImport(Library, SetLastError = true)]
    public static extern unsafe int pipe(int* fds);

    [DllImport(Library, SetLastError = true)]
    public static extern int fcntl(int fd, int command, int argument);

    [DllImport(Library, SetLastError = true)]
    public static extern unsafe int poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [DllImport(Library, SetLastError = true)]
    public static extern int kill(int pid, int signal);

    [DllImport(Library, SetLastError = true)]
    public static extern unsafe int waitpid(int pid, int* status, int options);

    [DllImport(Library, SetLastError = true)]
    public static extern unsafe int waitid(int idType, int id, byte* siginfo, int options);

    [DllImport(Library, SetLastError = true)]
    public static extern unsafe int posix_spawn(int* pid, byte* path, byte* fileActions, byte* attributes, nint* argv, nint* envp);

    [DllImport(Library)]
    public static extern unsafe int posix_spawnattr_init(byte* attributes);

    [DllImport(Library)]
    public static extern unsafe int posix_spawnattr_destroy(byte* attributes);

    [DllImport(Library)]
    public static extern unsafe int posix_spawnattr_setflags(byte* attributes, short flags);

    [DllImport(Library)]
    public static extern unsafe int posix_spawnattr_setsigdefault(byte* attributes, byte* signals);

    [DllImport(Library)]
    public static extern unsafe int posix_spawnattr_setsigmask(byte* attributes, byte* signals);

    [DllImport(Library)]
    public static extern unsafe int posix_spawn_file_actions_init(byte* actions);

    [DllImport(Library)]
    public static extern unsafe int posix_spawn_file_actions_destroy(byte* actions);

    [DllImport(Library)]
    public static extern unsafe int posix_spawn_file_actions_adddup2(byte* actions, int fd, int newFd);

    [DllImport(Library)]
    public static extern unsafe int posix_spawn_file_actions_addopen(byte* actions, int fd, byte* path, int flags, uint mode);

    [DllImport(Library)]
    public static extern unsafe int posix_spawn_file_actions_addclose(byte* actions, int fd);

    [DllImport(Library, SetLastError = true)]
    public static extern unsafe int sigemptyset(byte* set);

    [DllImport(Library, SetLastError = true)]
    public static extern unsafe int sigaddset(byte* set, int signal);

    /// <summary><c>struct pollfd</c> (same layout on Linux and macOS).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
