using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
using Cage.Adapter.Interop;

namespace Cage.Adapter.Pty;

/// <summary>
/// A pseudo-terminal pair. We keep the master; a child opens the slave by path and makes it its controlling
/// terminal. The parent also holds the slave open until it is disposed, so that reading the master never
/// fails with EIO just because the child has not opened the slave yet or has already exited. Echo is off
/// from the start: otherwise an answer written before the child turns echo off itself is echoed back.
/// All descriptors are close-on-exec, so concurrent spawns never inherit them.
/// </summary>
internal sealed class PseudoTerminal : IDisposable
{
    private static readonly object PtsnameLock = new(); // macOS ptsname() uses a static buffer
    private int _master;
    private int _slave;

    private PseudoTerminal(int master, int slave, string slavePath)
    {
        _master = master;
        _slave = slave;
        SlavePath = slavePath;
    }

    /// <summary>Path of the slave side, e.g. <c>/dev/pts/7</c>.</summary>
    public string SlavePath { get; }

    /// <summary>The master descriptor (ours).</summary>
    public int MasterDescriptor => _master;

    /// <summary>Opens a new pair with echo off; throws <see cref="Win32Exception"/> on failure.</summary>
    public static PseudoTerminal Open(bool echo = false)
    {
        PtySupport.EnsureSupported();
        var master = Libc.posix_openpt(PtyConstants.O_RDWR | PtyConstants.O_NOCTTY | (OperatingSystem.IsMacOS() ? 0 : PtyConstants.O_CLOEXEC));
        if (master < 0)
            throw Error("posix_openpt");
        var slave = -1;
        try
        {
            SetCloseOnExec(master);
            if (Libc.grantpt(master) != 0)
                throw Error("grantpt");
            if (Libc.unlockpt(master) != 0)
                throw Error("unlockpt");
            var path = SlaveName(master);
            slave = Libc.open(path, PtyConstants.O_RDWR | PtyConstants.O_NOCTTY | PtyConstants.O_CLOEXEC);
            if (slave < 0)
                throw Error($"open {path}");
            var terminal = new PseudoTerminal(master, slave, path);
            if (!echo)
                TerminalModes.SetEcho(slave, false);
            return terminal;
        }
        catch
        {
            if (slave >= 0)
                Libc.close(slave);
            Libc.close(master);
            throw;
        }
    }

    /// <summary>Reads what the child wrote to its terminal; waits up to <paramref name="timeoutMilliseconds"/>.</summary>
    /// <returns>Bytes read; 0 when nothing arrived in time or the slave is (momentarily) closed (EIO).</returns>
    public unsafe int Read(Span<byte> buffer, int timeoutMilliseconds)
    {
        var poll = new Libc.PollFd { Fd = _master, Events = PtyConstants.POLLIN };
        var ready = Libc.poll(&poll, 1, timeoutMilliseconds);
        if (ready <= 0)
            return 0;
        fixed (byte* start = buffer)
        {
            var read = Libc.read(_master, start, buffer.Length);
            if (read > 0)
                return (int)read;
            var errno = Marshal.GetLastPInvokeError();
            if (read < 0 && errno != PtyConstants.EIO && errno != PtyConstants.EINTR && errno != PtyConstants.EAGAIN)
                throw new Win32Exception(errno, "read from pseudo-terminal master");
            // EIO: no slave open right now (Linux). Not a failure: avoid spinning until someone opens it.
            if (read < 0 && errno == PtyConstants.EIO)
                Thread.Sleep(Math.Min(timeoutMilliseconds, 10));
            return 0;
        }
    }

    /// <summary>Writes to the child's terminal input (what a user would type).</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        var errno = Libc.WriteAll(_master, data);
        if (errno != 0)
            throw new Win32Exception(errno, "write to pseudo-terminal master");
    }

    /// <summary>Reads all text currently available (for tests and diagnostics).</summary>
    public string ReadAvailableText(int timeoutMilliseconds)
    {
        var buffer = new byte[4096];
        var text = new StringBuilder();
        int read;
        while ((read = Read(buffer, timeoutMilliseconds)) > 0)
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        return text.ToString();
    }

    /// <summary>True when the slave's echo flag is on.</summary>
    public bool EchoEnabled => TerminalModes.GetEcho(_slave);

    /// <summary>Closes both sides.</summary>
    public void Dispose()
    {
        var slave = Interlocked.Exchange(ref _slave, -1);
        if (slave >= 0)
            Libc.close(slave);
        var master = Interlocked.Exchange(ref _master, -1);
        if (master >= 0)
            Libc.close(master);
    }

    private static unsafe string SlaveName(int master)
    {
        if (OperatingSystem.IsMacOS())
        {
            lock (PtsnameLock)
            {
                var name = Libc.ptsname(master);
                return name == 0 ? throw Error("ptsname") : Marshal.PtrToStringUTF8(name)!;
            }
        }
        var buffer = stackalloc byte[256];
        var result = Libc.ptsname_r(master, buffer, 256);
        if (result != 0)
            throw new Win32Exception(result, "ptsname_r");
        return Marshal.PtrToStringUTF8((nint)buffer)!;
    }

    private static void SetCloseOnExec(int fd)
    {
        if (Libc.fcntl(fd, PtyConstants.F_SETFD, PtyConstants.FD_CLOEXEC) != 0)
            throw Error("fcntl(FD_CLOEXEC)");
    }

    private static Win32Exception Error(string call) => new(Marshal.GetLastPInvokeError(), call);
}
