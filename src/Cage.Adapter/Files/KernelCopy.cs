using System.Runtime.InteropServices;
using Cage.Adapter.Interop;

namespace Cage.Adapter.Files;

/// <summary>
/// Copies the rest of one file into another inside the kernel (Linux copy_file_range): no user-space buffer, and
/// on file systems that share blocks (btrfs, XFS, NFS) no data copy at all. Used where a whole file must be
/// delivered into another, e.g. age's output in a private temp folder into the destination.
/// </summary>
internal static class KernelCopy
{
    private const int ENOSYS = 38;
    private const int EXDEV = 18;
    private const int EINVAL = 22;
    private const int EOPNOTSUPP = 95;
    private const int ENOSPC = 28;
    private const int EDQUOT = 122;
    private const nint Chunk = 1 << 30;

    /// <summary>
    /// Copies <paramref name="source"/> from its position to its end into <paramref name="destination"/> at its
    /// position, advancing both. False, with nothing copied, when the kernel cannot do it for these files: copy
    /// with streams then. Throws <see cref="CageException"/> (<see cref="CageErrorCode.OutputNotWritable"/>) when
    /// the destination fails (e.g. disk full) part-way.
    /// </summary>
    public static unsafe bool TryCopyToEnd(FileStream source, FileStream destination)
    {
        if (!OperatingSystem.IsLinux())
            return false;
        destination.Flush();
        var sourceOffset = source.Position;
        var destinationOffset = destination.Position;
        var remaining = source.Length - sourceOffset;
        var sourceFd = (int)source.SafeFileHandle.DangerousGetHandle();
        var destinationFd = (int)destination.SafeFileHandle.DangerousGetHandle();
        var copiedAny = false;
        while (remaining > 0)
        {
            var copied = Libc.copy_file_range(sourceFd, &sourceOffset, destinationFd, &destinationOffset, (nint)Math.Min(remaining, Chunk), 0);
            if (copied < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == Libc.EINTR)
                    continue;
                if (!copiedAny && errno is ENOSYS or EXDEV or EINVAL or EOPNOTSUPP)
                    return false;
                throw new CageException(CageErrorCode.OutputNotWritable, Marshal.GetPInvokeErrorMessage(errno),
                    hint: errno is ENOSPC or EDQUOT ? "free some space on the destination's disk and try again" : null);
            }
            if (copied == 0)
                break; // the source ended early (it shrank): the output length check tells
            copiedAny = true;
            remaining -= copied;
        }
        source.Position = sourceOffset;
        destination.Position = destinationOffset;
        return true;
    }
}
