using System.IO.Pipes;
using System.Runtime.InteropServices;
using Cage.Adapter.Interop;
using Microsoft.Win32.SafeHandles;

namespace Cage.Adapter.Binary;

/// <summary>
/// Linux fast path between regular files and age's pipes: the pipes are grown to 1 MiB (fewer wake-ups) and
/// data moves with splice(2), so file pages go to age without passing through our memory. Used only when one
/// side is a regular file and the other a pipe; everything else takes <see cref="StreamPump"/>'s copy loop.
/// Measured in the benchmark (docs/performance.md).
/// </summary>
internal static class SplicePump
{
    private const int PipeSize = 1 << 20;
    private const int Chunk = 1 << 20;

    /// <summary>Grows a pipe's kernel buffer when the stream is a pipe on Linux; best effort.</summary>
    public static void TryGrowPipe(Stream stream)
    {
        if (OperatingSystem.IsLinux() && stream is PipeStream pipe)
            _ = Libc.fcntl((int)pipe.SafePipeHandle.DangerousGetHandle(), Libc.F_SETPIPE_SZ, PipeSize);
    }

    /// <summary>
    /// True when <paramref name="file"/> is a regular file stream and <paramref name="pipe"/> a pipe. The file must
    /// be readable too: an output's first bytes are read back to check that age wrote an age file.
    /// </summary>
    public static bool CanSplice(Stream file, Stream pipe) =>
        OperatingSystem.IsLinux() && file is FileStream { CanSeek: true, CanRead: true } && pipe is PipeStream;

    /// <summary>Moves the rest of <paramref name="input"/> into age's stdin. Returns our failure, if any.</summary>
    public static Task<CageException?> FeedAsync(FileStream input, PipeStream ageStdin, CancellationToken cancellationToken) =>
        RunBlocking(() =>
        {
            var position = input.Position;
            var result = Move(input.SafeFileHandle, ref position, ageStdin.SafePipeHandle, fileIsSource: true, cancellationToken);
            input.Position = position;
            return result switch
            {
                MoveResult.PeerClosed or MoveResult.Done => null, // age closed stdin early: its exit status says why
                _ => new CageException(CageErrorCode.InputUnreadable, $"reading the input failed (errno {(int)result})"),
            };
        });

    /// <summary>Moves age's stdout into <paramref name="output"/>. Returns our failure, if any.</summary>
    public static Task<CageException?> DrainAsync(PipeStream ageStdout, FileStream output, OutputProbe probe, CancellationToken cancellationToken) =>
        RunBlocking(() =>
        {
            var start = output.Position;
            var position = start;
            var result = Move(output.SafeFileHandle, ref position, ageStdout.SafePipeHandle, fileIsSource: false, cancellationToken);
            output.Position = position;
            probe.ObserveFile(output.SafeFileHandle, start, position - start);
            return result is MoveResult.Done or MoveResult.PeerClosed
                ? null
                : new CageException(CageErrorCode.OutputNotWritable, $"writing the output failed (errno {(int)result})");
        });

    private static Task<CageException?> RunBlocking(Func<CageException?> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private enum MoveResult
    {
        Done = 0,
        PeerClosed = -1,
    }

    private static unsafe MoveResult Move(SafeFileHandle file, ref long position, SafePipeHandle pipe, bool fileIsSource, CancellationToken cancellationToken)
    {
        var fileFd = (int)file.DangerousGetHandle();
        var pipeFd = (int)pipe.DangerousGetHandle();
        while (!cancellationToken.IsCancellationRequested)
        {
            long offset = position;
            var moved = fileIsSource
                ? Libc.splice(fileFd, &offset, pipeFd, null, Chunk, Libc.SPLICE_F_MORE)
                : Libc.splice(pipeFd, null, fileFd, &offset, Chunk, Libc.SPLICE_F_MORE);
            if (moved > 0)
            {
                position = offset;
                continue;
            }
            if (moved == 0)
                return MoveResult.Done; // end of file (feeding) or age closed stdout (draining)
            var errno = Marshal.GetLastPInvokeError();
            if (errno == Libc.EINTR)
                continue;
            if (errno == Libc.EAGAIN)
            {
                WaitReady(pipeFd, fileIsSource ? Libc.POLLOUT : Pty.PtyConstants.POLLIN);
                continue;
            }
            return errno == Libc.EPIPE ? MoveResult.PeerClosed : (MoveResult)errno;
        }
        return MoveResult.PeerClosed;
    }

    private static unsafe void WaitReady(int fd, short events)
    {
        var poll = new Libc.PollFd { Fd = fd, Events = events };
        _ = Libc.poll(&poll, 1, 100);
    }
}
