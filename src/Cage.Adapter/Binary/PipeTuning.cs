using System.IO.Pipes;
using Cage.Adapter.Interop;

namespace Cage.Adapter.Binary;

/// <summary>
/// Grows age's stdin/stdout pipes from 64 KiB to 1 MiB on Linux: fewer wake-ups of age and of our pumps per
/// megabyte. The benchmark measured this as the largest single gain of the streamed paths (docs/performance.md).
/// </summary>
internal static class PipeTuning
{
    private const int F_SETPIPE_SZ = 1031;
    private const int PipeSize = 1 << 20;

    /// <summary>Best effort: a pipe that cannot grow (e.g. over /proc/sys/fs/pipe-max-size) keeps working as is.</summary>
    public static void TryGrow(Stream stream)
    {
        if (OperatingSystem.IsLinux() && stream is PipeStream pipe)
            _ = Libc.fcntl((int)pipe.SafePipeHandle.DangerousGetHandle(), F_SETPIPE_SZ, PipeSize);
    }
}
