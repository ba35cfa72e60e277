using System.Collections.Concurrent;

namespace Cage.Adapter.Passphrases;

/// <summary>
/// Bounds how many passphrase age processes run at once: each scrypt run takes about 0.3-0.5 GB of memory.
/// Process-wide on purpose: memory belongs to the machine, not to an engine instance, and hosts such as
/// MSBuild create a new engine per task invocation, so a per-engine limit would bound nothing in a parallel
/// build. Engines that ask for the same limit share one gate.
/// </summary>
internal static class PassphraseConcurrency
{
    /// <summary>Default number of concurrent passphrase processes.</summary>
    public const int DefaultLimit = 2;

    private static readonly ConcurrentDictionary<int, SemaphoreSlim> Gates = new();

    /// <summary>Waits for a slot under <paramref name="limit"/>; dispose the result to release it.</summary>
    public static async Task<IDisposable> EnterAsync(int limit, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(limit, l => new SemaphoreSlim(l, l));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(gate);
    }

    private sealed class Slot : IDisposable
    {
        private SemaphoreSlim? _gate;

        public Slot(SemaphoreSlim gate) => _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
