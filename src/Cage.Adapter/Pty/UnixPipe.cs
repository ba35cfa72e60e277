using System.ComponentModel;
using System.IO.Pipes;
using System.Runtime.InteropServices;
using Cage.Adapter.Interop;
using Microsoft.Win32.SafeHandles;

namespace Cage.Adapter.Pty;

/// <summary>
/// An anonymous pipe between us and a child. Both ends are close-on-exec (pipe2) so that no other child
/// spawned meanwhile inherits them; the child gets its end only through a dup2 file action. After spawning,
/// close the child's end here (<see cref="CloseChildEnd"/>) so that end-of-file and EPIPE work.
/// </summary>
internal sealed class UnixPipe : IDisposable
{
    private int _childEnd;
    private int _ourEnd;

    private UnixPipe(int childEnd, int ourEnd, PipeDirection ourDirection)
    {
        _childEnd = childEnd;
        _ourEnd = ourEnd;
        OurDirection = ourDirection;
    }

    /// <summary>Direction of our end: Out for the child's stdin, In for its stdout/stderr.</summary>
    public PipeDirection OurDirection { get; }

    /// <summary>The descriptor the child gets (dup2'ed onto 0, 1 or 2).</summary>
    public int ChildEnd => _childEnd >= 0 ? _childEnd : throw new ObjectDisposedException(nameof(UnixPipe));

    /// <summary>A pipe we write into (the child's stdin).</summary>
    public static UnixPipe ToChild() => Create(PipeDirection.Out);

    /// <summary>A pipe we read from (the child's stdout or stderr).</summary>
    public static UnixPipe FromChild() => Create(PipeDirection.In);

    /// <summary>Closes the child's end in this process (after the spawn duplicated it).</summary>
    public void CloseChildEnd()
    {
        var fd = Interlocked.Exchange(ref _childEnd, -1);
        if (fd >= 0)
            Libc.close(fd);
    }

    /// <summary>Hands our end over to a stream (which then owns it): truly asynchronous I/O on Unix.</summary>
    public Stream OpenOurEnd()
    {
        var fd = Interlocked.Exchange(ref _ourEnd, -1);
        if (fd < 0)
            throw new InvalidOperationException("our end was already taken");
        var handle = new SafePipeHandle(fd, ownsHandle: true);
        return OurDirection == PipeDirection.Out
            ? new AnonymousPipeClientStream(PipeDirection.Out, handle)
            : new AnonymousPipeClientStream(PipeDirection.In, handle);
    }

    /// <summary>Closes whatever ends are still ours.</summary>
    public void Dispose()
    {
        CloseChildEnd();
        var fd = Interlocked.Exchange(ref _ourEnd, -1);
        if (fd >= 0)
            Libc.close(fd);
    }

    private static unsafe UnixPipe Create(PipeDirection ourDirection)
    {
        var fds = stackalloc int[2];
        if (OperatingSystem.IsMacOS())
        {
            // No pipe2 on macOS: a concurrent spawn could inherit these in the gap, hence Linux first.
            if (Libc.pipe(fds) != 0)
                throw new Win32Exception(Marshal.GetLastPInvokeError(), "pipe");
            Libc.fcntl(fds[0], PtyConstants.F_SETFD, PtyConstants.FD_CLOEXEC);
            Libc.fcntl(fds[1], PtyConstants.F_SETFD, PtyConstants.FD_CLOEXEC);
        }
        else if (Libc.pipe2(fds, PtyConstants.O_CLOEXEC) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "pipe2");
        }
        var (read, write) = (MoveAboveStandard(fds[0]), MoveAboveStandard(fds[1]));
        return ourDirection == PipeDirection.Out ? new UnixPipe(read, write, ourDirection) : new UnixPipe(write, read, ourDirection);
    }

    /// <summary>
    /// If our own 0/1/2 were closed a pipe could land there, and dup2(fd, fd) would keep close-on-exec set in the
    /// child. Moving such a descriptor to 3 or above keeps the file actions simple.
    /// </summary>
    private static int MoveAboveStandard(int fd)
    {
        if (fd > 2)
            return fd;
        var moved = Libc.fcntl(fd, PtyConstants.F_DUPFD_CLOEXEC, 3);
        if (moved < 0)
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "fcntl(F_DUPFD_CLOEXEC)");
        Libc.close(fd);
        return moved;
    }
}
