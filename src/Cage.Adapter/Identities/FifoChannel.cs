using System.Runtime.InteropServices;
using Cage.Adapter.Interop;

namespace Cage.Adapter.Identities;

/// <summary>
/// Hands a secret to a child process through a named pipe (FIFO): the bytes go from our memory to the
/// child's through the kernel and never touch a disk. The FIFO lives in a private 0700 folder; a writer
/// thread blocks until the child opens it. If the child never opens it, <see cref="DisposeAsync"/> opens it
/// for reading itself to release the writer.
/// </summary>
internal sealed class FifoChannel : IAsyncDisposable
{
    private readonly byte[] _secret;
    private readonly Task _writer;
    private volatile bool _abandoned;

    private FifoChannel(string path, byte[] secret)
    {
        Path = path;
        _secret = secret;
        _writer = Task.Factory.StartNew(WriteWhenOpened, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The FIFO's path, to hand to the child.</summary>
    public string Path { get; }

    /// <summary>Creates a FIFO at <paramref name="path"/> and starts serving <paramref name="secret"/> once.</summary>
    /// <remarks>Takes ownership of <paramref name="secret"/> and zeroes it when done.</remarks>
    public static FifoChannel Serve(string path, byte[] secret)
    {
        if (Libc.mkfifo(path, Convert.ToUInt32("600", 8)) != 0)
        {
            Array.Clear(secret);
            throw new CageException(CageErrorCode.InvalidIdentity,
                $"cannot create a private pipe for the identity (errno {Marshal.GetLastPInvokeError()})",
                hint: "check that CAGE_TEMP_DIR (or the temp folder) is on a local file system that supports FIFOs");
        }
        return new FifoChannel(path, secret);
    }

    private void WriteWhenOpened()
    {
        try
        {
            var fd = Libc.open(Path, Libc.O_WRONLY | Libc.O_CLOEXEC);
            if (fd < 0)
                return;
            try
            {
                if (!_abandoned)
                    Libc.WriteAll(fd, _secret); // EPIPE just means the reader went away; nothing to report.
            }
            finally
            {
                Libc.close(fd);
            }
        }
        finally
        {
            Array.Clear(_secret);
        }
    }

    /// <summary>Releases a writer still waiting for a reader, waits for it, and removes the FIFO.</summary>
    public async ValueTask DisposeAsync()
    {
        _abandoned = true;
        while (!_writer.IsCompleted)
        {
            // Opening the read end releases the writer's blocking open(); it then sees _abandoned and closes.
            var fd = Libc.open(Path, Libc.O_RDONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
            await Task.WhenAny(_writer, Task.Delay(50)).ConfigureAwait(false);
            if (fd >= 0)
                Libc.close(fd);
        }
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
        }
    }
}
