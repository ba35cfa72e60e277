using System.ComponentModel;
using System.Runtime.InteropServices;
using Cage.Adapter.Interop;

namespace Cage.Adapter.Pty;

/// <summary>Reads and changes the echo flags of a terminal (termios <c>c_lflag</c>), on any terminal descriptor.</summary>
internal static class TerminalModes
{
    /// <summary>Turns ECHO and ECHONL on or off; returns the previous local flags so they can be restored.</summary>
    public static unsafe long SetEcho(int fd, bool on)
    {
        var termios = stackalloc byte[PtyConstants.OpaqueBufferSize];
        Get(fd, termios);
        var previous = ReadLocalFlags(termios);
        var mask = PtyConstants.ECHO | PtyConstants.ECHONL;
        WriteLocalFlags(termios, on ? previous | PtyConstants.ECHO : previous & ~mask);
        Set(fd, termios);
        return previous;
    }

    /// <summary>Restores local flags saved by <see cref="SetEcho"/>.</summary>
    public static unsafe void RestoreLocalFlags(int fd, long flags)
    {
        var termios = stackalloc byte[PtyConstants.OpaqueBufferSize];
        Get(fd, termios);
        WriteLocalFlags(termios, flags);
        Set(fd, termios);
    }

    /// <summary>True when ECHO is on.</summary>
    public static unsafe bool GetEcho(int fd)
    {
        var termios = stackalloc byte[PtyConstants.OpaqueBufferSize];
        Get(fd, termios);
        return (ReadLocalFlags(termios) & PtyConstants.ECHO) != 0;
    }

    private static unsafe void Get(int fd, byte* termios)
    {
        new Span<byte>(termios, PtyConstants.OpaqueBufferSize).Clear();
        if (Libc.tcgetattr(fd, termios) != 0)
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "tcgetattr");
    }

    private static unsafe void Set(int fd, byte* termios)
    {
        if (Libc.tcsetattr(fd, PtyConstants.TCSANOW, termios) != 0)
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "tcsetattr");
    }

    private static unsafe long ReadLocalFlags(byte* termios)
    {
        var at = termios + PtyConstants.TermiosLocalFlagsOffset;
        return PtyConstants.TermiosFlagWidth == 8 ? *(long*)at : *(uint*)at;
    }

    private static unsafe void WriteLocalFlags(byte* termios, long flags)
    {
        var at = termios + PtyConstants.TermiosLocalFlagsOffset;
        if (PtyConstants.TermiosFlagWidth == 8)
            *(long*)at = flags;
        else
            *(uint*)at = (uint)flags;
    }
}
