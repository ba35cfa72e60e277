using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>
/// Catches age in the middle of a stream without racing it: age (every `age` child of <c>parent</c>, started
/// through <see cref="FakeAge.PausedAtStart"/> so it waits to be found) runs in short bursts between SIGSTOP and
/// SIGCONT until <c>progressed</c> holds, and is left stopped. A stopped age cannot finish while a slow test
/// thread looks, signals or kills; SIGKILL and our cancellation still end it.
/// </summary>
public static class MidStream
{
    private const int SIGCONT = 18;
    private const int SIGSTOP = 19;

    /// <summary>Returns the stopped age pids once <paramref name="progressed"/> holds; fails if <paramref name="finished"/> comes first.</summary>
    public static async Task<IReadOnlyList<int>> StopAgeAsync(int parent, Func<bool> progressed, Func<bool> finished)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var ages = ChildProcesses.Find("age", parent).Concat(ChildProcesses.Find(FakeAge.PausedAtStartCommand, parent)).ToList();
            if (ages.Count > 0)
            {
                Send(ages, SIGSTOP);
                if (progressed())
                    return ages;
                Send(ages, SIGCONT);
                Thread.Sleep(3); // one short burst of work
                continue;
            }
            if (finished())
                throw new InvalidOperationException("the operation finished before age could be caught mid-stream");
            await Task.Delay(1);
        }
        throw new TimeoutException("age never got far enough into the stream");
    }

    /// <summary>Lets stopped age processes run again (those already killed are skipped).</summary>
    public static void Resume(IEnumerable<int> pids) => Send(pids, SIGCONT);

    private static void Send(IEnumerable<int> pids, int signal)
    {
        foreach (var pid in pids)
        {
            try
            {
                Signals.Send(pid, signal);
            }
            catch (InvalidOperationException)
            {
                // exited meanwhile
            }
        }
    }
}
