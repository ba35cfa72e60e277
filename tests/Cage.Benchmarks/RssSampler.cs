namespace Cage.Benchmarks;

/// <summary>
/// Peak resident memory, Linux only. Our own peak comes from VmHWM, reset before each case through
/// /proc/self/clear_refs. Children (age) are sampled every 10 ms while the case runs: age's memory is flat,
/// so the sampled maximum is close to the true peak. Cases over little data sample every 100 ms: their age
/// processes live a few milliseconds, and walking /proc every 10 ms took CPU from the parallel batch it measured.
/// </summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeSpan _interval;
    private readonly Task _loop;
    private long _childPeakKib;

    private RssSampler(TimeSpan interval)
    {
        _interval = interval;
        _loop = Task.Run(SampleChildrenAsync);
    }

    /// <summary>10 ms for streams of 64 MiB and more, else 100 ms.</summary>
    public static TimeSpan IntervalFor(long bytes) => TimeSpan.FromMilliseconds(bytes >= 64L << 20 ? 10 : 100);

    public static RssSampler Start(TimeSpan interval)
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5"); // resets VmHWM to the current RSS
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return new RssSampler(interval);
    }

    public static long CurrentKib() => ReadStatusKib("/proc/self/status", "VmRSS:");

    public long OwnPeakKib => ReadStatusKib("/proc/self/status", "VmHWM:");

    public long ChildPeakKib => Interlocked.Read(ref _childPeakKib);

    private async Task SampleChildrenAsync()
    {
        var self = Environment.ProcessId.ToString();
        while (!_stop.IsCancellationRequested)
        {
            foreach (var child in ChildrenOf(self))
            {
                if (!IsAge(child))
                    continue; // a child between fork and exec still shows our own memory

                var kib = ReadStatusKib($"/proc/{child}/status", "VmHWM:");
                long seen;
                while (kib > (seen = Interlocked.Read(ref _childPeakKib)) && Interlocked.CompareExchange(ref _childPeakKib, kib, seen) != seen)
                {
                }
            }
            try
            {
                await Task.Delay(_interval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static bool IsAge(string pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim() == "age";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static IEnumerable<string> ChildrenOf(string parent)
    {
        var taskDir = $"/proc/{parent}/task";
        if (!Directory.Exists(taskDir))
            yield break;
        foreach (var thread in Directory.EnumerateDirectories(taskDir))
        {
            string children;
            try
            {
                children = File.ReadAllText(Path.Combine(thread, "children"));
            }
            catch (IOException)
            {
                continue;
            }
            foreach (var pid in children.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                yield return pid;
        }
    }

    private static long ReadStatusKib(string path, string field)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0]);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop;
        _stop.Dispose();
    }
}
