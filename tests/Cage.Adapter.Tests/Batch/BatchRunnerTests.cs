using Cage.Adapter;
using Cage.Adapter.Batch;

namespace Cage.Adapter.Tests.Batch;

public sealed class BatchRunnerTests
{
    [Fact]
    public async Task Collects_a_result_per_file_in_order_and_bounds_parallelism()
    {
        var files = Enumerable.Range(0, 20).Select(i => $"f{i}").ToList();
        var running = 0;
        var peak = 0;
        var done = 0;

        var results = await BatchRunner.RunAsync(files, async (file, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(10, ct);
            Interlocked.Decrement(ref running);
            if (file == "f7")
                throw new CageException(CageErrorCode.NoIdentityMatched, file);
            return file + ".out";
        }, maxParallelism: 3, onFileDone: _ => Interlocked.Increment(ref done));

        Assert.Equal(files, results.Select(r => r.Path));
        Assert.Equal(19, results.Count(r => r.Succeeded));
        Assert.Equal(CageErrorCode.NoIdentityMatched, results[7].Error!.Code);
        Assert.Equal("f3.out", results[3].Output);
        Assert.InRange(peak, 1, 3);
        Assert.Equal(20, done);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
