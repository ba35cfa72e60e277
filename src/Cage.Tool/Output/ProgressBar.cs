using System.Diagnostics;

namespace Cage.Tool.Output;

/// <summary>
/// A one-line progress bar (files, bytes, rate, ETA) redrawn on stderr. Only ever enabled when stderr is a
/// terminal: on a pipe or file it draws nothing, so logs stay clean. Thread-safe (batches run in parallel).
/// </summary>
internal sealed class ProgressBar : IDisposable
{
    private const int Width = 24;
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _error;
    private readonly long _totalBytes;
    private readonly int _totalFiles;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private long _bytes;
    private int _files;
    // Starts at zero: the first frame waits one interval, so a quick passphrase prompt is not drawn over.
    private TimeSpan _lastDraw = TimeSpan.Zero;
    private bool _drawn;

    private ProgressBar(TextWriter error, long totalBytes, int totalFiles)
    {
        _error = error;
        _totalBytes = Math.Max(0, totalBytes);
        _totalFiles = totalFiles;
    }

    /// <summary>Files of at least this size get a bar even alone.</summary>
    public const long LargeFileBytes = 1 << 20;

    /// <summary>A bar when stderr is a terminal and the work is large (a batch, or a large file); otherwise null.</summary>
    public static ProgressBar? Create(ToolConsole console, bool quiet, long totalBytes, int totalFiles)
    {
        if (quiet || !console.StderrIsTerminal)
            return null;
        if (totalFiles < 2 && totalBytes < LargeFileBytes)
            return null;
        return new ProgressBar(console.Error, totalBytes, totalFiles);
    }

    public void AddBytes(long count)
    {
        lock (_gate)
        {
            _bytes += count;
            Draw(force: false);
        }
    }

    public void FileDone(long bytes)
    {
        lock (_gate)
        {
            _files++;
            _bytes += bytes;
            Draw(force: _files == _totalFiles);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (!_drawn)
                return;
            Draw(force: true);
            _error.Write('\n');
            _drawn = false;
        }
    }

    private void Draw(bool force)
    {
        var now = _clock.Elapsed;
        if (!force && now - _lastDraw < RedrawInterval)
            return;
        _lastDraw = now;
        _drawn = true;
        var fraction = _totalBytes > 0 ? Math.Min(1.0, (double)_bytes / _totalBytes) : _totalFiles > 0 ? (double)_files / _totalFiles : 0;
        var filled = (int)Math.Round(fraction * Width);
        var rate = now.TotalSeconds > 0 ? _bytes / now.TotalSeconds : 0;
        var eta = rate > 0 && _totalBytes > _bytes ? TimeSpan.FromSeconds((_totalBytes - _bytes) / rate) : TimeSpan.Zero;
        var files = _totalFiles > 1 ? $" {_files}/{_totalFiles} files" : "";
        _error.Write($"\r[{new string('#', filled)}{new string('-', Width - filled)}] {fraction * 100,3:0}%{files} {Size(_bytes)}/{Size(_totalBytes)} {Size((long)rate)}/s ETA {eta:mm\\:ss}\u001b[K");
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MiB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.0} KiB",
        _ => $"{bytes} B",
    };
}
