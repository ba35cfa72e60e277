namespace Cage.Adapter.Pty;

/// <summary>
/// Dedicated threads for blocking waits on children (read a child's stderr to its end, then waitpid), reused
/// instead of started per child: starting a thread cost about as much of our CPU as the rest of a small file's
/// work (200-file batch: 0.10 → 0.06 CPU-s). Not the .NET thread pool: these waits block for as long as age runs,
/// and many at once would starve it. A thread idle for <see cref="IdleTimeout"/> ends.
/// </summary>
internal static class WaiterThreads
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);
    private static readonly object Gate = new();
    private static readonly List<Worker> Parked = new(); // under Gate; the most recently parked last

    /// <summary>Runs <paramref name="work"/> on a parked thread, or on a new one when none is free. It must not throw.</summary>
    public static void Run(Action work)
    {
        Worker? worker = null;
        lock (Gate)
        {
            if (Parked.Count > 0)
            {
                worker = Parked[^1];
                Parked.RemoveAt(Parked.Count - 1);
            }
        }
        if (worker is null)
            Worker.Start(work);
        else
            worker.Give(work);
    }

    private sealed class Worker
    {
        private readonly SemaphoreSlim _given = new(0);
        private Action? _work;

        private Worker(Action first) => _work = first;

        public static void Start(Action first)
        {
            var worker = new Worker(first);
            new Thread(worker.Loop) { IsBackground = true, Name = "cage-wait" }.Start();
        }

        public void Give(Action work)
        {
            _work = work;
            _given.Release(); // publishes _work to the worker
        }

        private void Loop()
        {
            while (true)
            {
                var work = Interlocked.Exchange(ref _work, null)!;
                work();
                lock (Gate)
                    Parked.Add(this);
                if (_given.Wait(IdleTimeout))
                    continue;
                lock (Gate)
                {
                    if (Parked.Remove(this))
                        return; // idle too long and nobody took us: end the thread
                }
                _given.Wait(); // taken just as we timed out: its work is on the way
            }
        }
    }
}
