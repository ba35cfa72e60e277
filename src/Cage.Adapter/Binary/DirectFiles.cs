using System.Runtime.InteropServices;
using Cage.Adapter.Files;
using Cage.Adapter.Interop;

namespace Cage.Adapter.Binary;

/// <summary>
/// When both ends of a run are regular files, age gets the files themselves as its stdin and stdout, as
/// <c>age &lt; IN &gt; OUT</c> does in a shell: it still streams through its standard streams in constant memory,
/// but no byte crosses our process, which saves the four copies of pumping through pipes (measured in
/// docs/performance.md). Positions are handed over both ways: age starts at each stream's position, and the
/// streams continue where age stopped. Without an output stream (age writes a named file, <c>-o</c>), only the
/// input is handed over and age's stdout is /dev/null.
/// </summary>
internal sealed class DirectFiles : IDisposable
{
    private readonly FileStream _input;
    private readonly FileStream? _output;
    private readonly long _outputStart;
    private bool _released;

    private DirectFiles(FileStream input, FileStream? output)
    {
        _input = input;
        _output = output;
        _output?.Flush(); // anything buffered goes first, age writes after it
        _outputStart = _output?.Position ?? 0;
        var added = false;
        var outputAdded = false;
        try
        {
            _input.SafeFileHandle.DangerousAddRef(ref added);
            _output?.SafeFileHandle.DangerousAddRef(ref outputAdded);
        }
        catch
        {
            if (added)
                _input.SafeFileHandle.DangerousRelease();
            throw;
        }
        InputDescriptor = (int)_input.SafeFileHandle.DangerousGetHandle();
        OutputDescriptor = _output is null ? -1 : (int)_output.SafeFileHandle.DangerousGetHandle();
        // .NET reads and writes at its own offsets (pread/pwrite); the child uses the descriptor's, so set it.
        Seek(InputDescriptor, _input.Position, Libc.SEEK_SET, CageErrorCode.InputUnreadable);
        if (_output is not null)
            Seek(OutputDescriptor, _outputStart, Libc.SEEK_SET, CageErrorCode.OutputNotWritable);
    }

    /// <summary>The input file's descriptor, for the child's fd 0.</summary>
    public int InputDescriptor { get; }

    /// <summary>The output file's descriptor, for the child's fd 1; -1 without an output.</summary>
    public int OutputDescriptor { get; }

    /// <summary>Whether age's stdout is an output file (else /dev/null).</summary>
    public bool HasOutput => _output is not null;

    /// <summary>
    /// Both ends as files (or the input alone when <paramref name="output"/> is null), or null when an end is
    /// something else (a pipe, memory, a wrapper stream, or Windows): those are pumped through pipes instead.
    /// </summary>
    public static DirectFiles? TryCreate(Stream? input, Stream? output)
    {
        if (AsFile(input) is not { CanRead: true } inputFile)
            return null;
        if (output is null)
            return new DirectFiles(inputFile, null);
        // Readable too: what age wrote is checked afterwards (ProbeOutput). Write-only files are pumped.
        return AsFile(output) is { CanWrite: true, CanRead: true } outputFile ? new DirectFiles(inputFile, outputFile) : null;
    }

    /// <summary>The seekable file behind <paramref name="stream"/> (a regular file, not a pipe), or null.</summary>
    public static FileStream? AsFile(Stream? stream)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return null;
        var file = stream switch
        {
            FileStream plain => plain,
            WritebackFileStream writeback => writeback.File,
            _ => null,
        };
        return file is { CanSeek: true } ? file : null;
    }

    /// <summary>After age exited: moves the streams to where age left the descriptors.</summary>
    public void Complete()
    {
        _input.Position = Seek(InputDescriptor, 0, Libc.SEEK_CUR, CageErrorCode.InputUnreadable);
        if (_output is not null)
            _output.Position = Seek(OutputDescriptor, 0, Libc.SEEK_CUR, CageErrorCode.OutputNotWritable);
    }

    /// <summary>What age wrote, seen as the pumps see it: its first bytes and how many there are.</summary>
    public OutputProbe ProbeOutput()
    {
        if (_output is null)
            throw new InvalidOperationException("age wrote no output stream");
        return OutputProbe.OfFile(_output, _outputStart, _output.Position - _outputStart);
    }

    /// <summary>Lets the streams close their descriptors again.</summary>
    public void Dispose()
    {
        if (_released)
            return;
        _released = true;
        _input.SafeFileHandle.DangerousRelease();
        _output?.SafeFileHandle.DangerousRelease();
    }

    private static long Seek(int fd, long offset, int whence, CageErrorCode failure)
    {
        var result = Libc.lseek(fd, offset, whence);
        if (result < 0)
            throw new CageException(failure, $"cannot position the file for age (lseek: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())})");
        return result;
    }
}
