namespace Cage.Benchmarks;

/// <summary>
/// One measured path. Anchors are raw age; candidates name their anchor and the ratio they must reach.
/// <see cref="Verify"/> runs after the last measured run and proves the output right (by SHA-256).
/// </summary>
/// <param name="Id">Short stable id, used by <c>--cases</c>.</param>
/// <param name="Title">Row title in the table.</param>
/// <param name="Anchor">Id of the anchor case, or null for an anchor.</param>
/// <param name="Target">Minimum throughput ratio to the anchor, or null.</param>
/// <param name="Bytes">Bytes processed per run (for MiB/s).</param>
/// <param name="Run">One timed run.</param>
/// <param name="Verify">Checks the output of the last run.</param>
internal sealed record BenchmarkCase(
    string Id,
    string Title,
    string? Anchor,
    double? Target,
    long Bytes,
    Func<Task> Run,
    Action Verify);
