using System.Runtime.InteropServices;
using Cage.Adapter.Interop;

namespace Cage.Adapter.Passphrases;

/// <summary>
/// A passphrase in the first line read from an inherited file descriptor (<c>--passphrase-fd N</c>, 0 = stdin).
/// The descriptor is read with read(2) one byte at a time, so nothing beyond the line is consumed, and it is
/// not closed: it belongs to whoever opened it.
/// </summary>
internal sealed class DescriptorPassphraseSource : PassphraseSource
{
    private readonly int _fd;

    public DescriptorPassphraseSource(int fd) : base(fd == 0 ? "standard input" : $"file descriptor {fd}") =>
        _fd = fd >= 0 ? fd : throw new ArgumentOutOfRangeException(nameof(fd));

    public override bool IsAvailable => !OperatingSystem.IsWindows();

    public override Passphrase Read(PassphrasePurpose purpose)
    {
        if (OperatingSystem.IsWindows())
            throw new CageException(CageErrorCode.NoPassphrase, $"{Description}: reading a descriptor is not supported on Windows");
        return PassphraseLine.Read(ReadByte, Description);
    }

    private unsafe int ReadByte()
    {
        byte value;
        while (true)
        {
            var read = Libc.read(_fd, &value, 1);
            if (read == 1)
                return value;
            if (read == 0)
                return -1;
            if (Marshal.GetLastPInvokeError() != Libc.EINTR)
                throw new CageException(CageErrorCode.NoPassphrase, $"{Description} cannot be read (errno {Marshal.GetLastPInvokeError()})");
        }
    }
}
