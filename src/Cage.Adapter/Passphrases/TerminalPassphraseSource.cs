using System.Runtime.InteropServices;
using System.Text;
using Cage.Adapter.Interop;
using Cage.Adapter.Pty;

namespace Cage.Adapter.Passphrases;

/// <summary>
/// Asks the user on their terminal with echo off (ECHO and ECHONL cleared, restored afterwards), like age and
/// ssh do. For encryption it asks twice; different answers are <see cref="CageErrorCode.PassphraseMismatch"/>.
/// The terminal is opened by path without becoming our controlling terminal.
/// </summary>
internal sealed class TerminalPassphraseSource : PassphraseSource
{
    public const string ControllingTerminal = "/dev/tty";
    public const string EnterPrompt = "Enter passphrase: ";
    public const string ConfirmPrompt = "Confirm passphrase: ";

    private readonly string _path;

    public TerminalPassphraseSource(string path) : base($"the terminal ({path})") => _path = path;

    public override bool IsAvailable
    {
        get
        {
            if (!PtySupport.IsSupported)
                return false;
            var fd = Open();
            if (fd < 0)
                return false;
            Libc.close(fd);
            return true;
        }
    }

    public override Passphrase Read(PassphrasePurpose purpose)
    {
        if (!PtySupport.IsSupported)
            throw new CageException(CageErrorCode.NoPassphrase, "no terminal prompt on this platform");
        var fd = Open();
        if (fd < 0)
            throw new CageException(CageErrorCode.NoPassphrase, $"{_path} cannot be opened (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            var first = Ask(fd, EnterPrompt);
            if (purpose == PassphrasePurpose.Decrypt)
                return PassphraseLine.Decode(first, Description);
            var second = Ask(fd, ConfirmPrompt);
            try
            {
                if (!first.AsSpan().SequenceEqual(second))
                    throw new CageException(CageErrorCode.PassphraseMismatch);
                return PassphraseLine.Decode(first, Description);
            }
            finally
            {
                Array.Clear(first);
                Array.Clear(second);
            }
        }
        finally
        {
            Libc.close(fd);
        }
    }

    private int Open() => Libc.open(_path, PtyConstants.O_RDWR | PtyConstants.O_NOCTTY | PtyConstants.O_CLOEXEC);

    private byte[] Ask(int fd, string prompt)
    {
        var saved = TerminalModes.SetEcho(fd, false);
        try
        {
            Libc.WriteAll(fd, Encoding.UTF8.GetBytes(prompt));
            return ReadLine(fd);
        }
        finally
        {
            TerminalModes.RestoreLocalFlags(fd, saved);
            Libc.WriteAll(fd, "\n"u8); // the user's Enter was not echoed
        }
    }

    private unsafe byte[] ReadLine(int fd)
    {
        var line = new List<byte>();
        byte value;
        while (true)
        {
            var read = Libc.read(fd, &value, 1);
            if (read < 0 && Marshal.GetLastPInvokeError() == Libc.EINTR)
                continue;
            if (read <= 0 && line.Count == 0)
                throw new CageException(CageErrorCode.NoPassphrase, $"{Description} closed before a passphrase was entered");
            if (read <= 0 || value == '\n')
                break;
            if (line.Count >= PassphraseLine.MaxBytes)
                throw new CageException(CageErrorCode.NoPassphrase, $"{Description}: the line is too long");
            line.Add(value);
        }
        var bytes = line.ToArray();
        line.Clear();
        return bytes;
    }
}
