using Cage.Adapter.Pty;

namespace Cage.Adapter.Tests.Pty;

public sealed class WaiterThreadsTests
{
    [Fact]
    public async Task Work_runs_on_a_dedicated_background_thread_that_is_reused()
    {
        var first = await RunAsync(() => (Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.IsBackground));
        Assert.False(first.IsThreadPoolThread);
        Assert.True(first.IsBackground);

        await Task.Delay(50); // let it park
        var ids = new HashSet<int>();
        for (var i = 0; i < 5; i++)
            ids.Add((await RunAsync(() => (Environment.CurrentManagedThreadId, false, false))).CurrentManagedThreadId);
        Assert.True(ids.Count < 5, "sequential work should reuse parked threads instead of starting one each");
    }

    [Fact]
    public async Task Blocking_work_items_all_run_at_once()
    {
        const int Count = 6;
        using var allStarted = new CountdownEvent(Count);
        using var release = new ManualResetEventSlim();
        var done = Enumerable.Range(0, Count).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();

        foreach (var completion in done)
        {
            WaiterThreads.Run(() =>
            {
                allStarted.Signal();
                release.Wait(); // as a wait for a running child would block
                completion.SetResult();
            });
        }

        Assert.True(allStarted.Wait(TimeSpan.FromSeconds(10)), "every blocking item must get its own thread");
        release.Set();
        await Task.WhenAll(done.Select(d => d.Task)).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static Task<T> RunAsync<T>(Func<T> work)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        WaiterThreads.Run(() => result.SetResult(work()));
        return result.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
