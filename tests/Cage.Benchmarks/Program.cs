using System.Diagnostics;
using System.Runtime.InteropServices;
using Cage.Benchmarks;

if (args.Length == 5 && args[0] == "--probe")
    return await MemoryProbe.RunChildAsync(args[1], args[2], args[3], args[4]);

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (BenchmarkOptions.HelpRequested)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"benchmark: {e.Message}\n\n{BenchmarkOptions.Usage}");
    return 2;
}

Console.WriteLine($"RSS at start: {RssSampler.CurrentKib() / 1024.0:0.0} MiB");
var workRoot = options.WorkFolder ?? Path.Combine(DefaultWorkParent(options.Size), "cage-bench-" + Environment.ProcessId);
Console.WriteLine($"Preparing {ByteSize.Format(options.Size)} of random input in {workRoot} ...");
using var workspace = Workspace.Create(workRoot, options.Size);
Cases.PrepareSmallFiles(workspace);
PassphraseCases.Prepare(workspace);

var all = Cases.All(workspace);
var chosen = options.Cases is null
    ? all
    : all.Where(c => options.Cases.Contains(c.Id) || all.Any(x => options.Cases.Contains(x.Id) && x.Anchor == c.Id)).ToList();
var measurements = chosen.Select(c => new Measurement(c)).ToList();

// Warm-up: one untimed pass so JIT, page cache and age's first start do not land in the first measured run.
foreach (var m in measurements)
{
    await m.Case.Run();
    workspace.RemoveOutputs();
}

Console.WriteLine($"RSS after warm-up: {RssSampler.CurrentKib() / 1024.0:0.0} MiB");
for (var run = 1; run <= options.Runs; run++)
{
    // Interleaved: every case once per round, anchors next to their candidates, so drift hits both alike. Every
    // other round runs backwards: what ran just before a case (e.g. freeing gigabytes) then varies, and a case's
    // place in the round (which measurably changed age's own CPU time here) does not always favour the anchor
    // or always the candidate.
    foreach (var m in run % 2 == 1 ? measurements : Enumerable.Reverse(measurements))
    {
        if (m.Case.Bytes >= Cases.MemoryReferenceSize)
            workspace.WarmMemory(m.Case.Bytes + Cases.MemoryReferenceSize); // untimed: about what the run will write
        GC.Collect();
        GC.WaitForPendingFinalizers();
        await using var sampler = RssSampler.Start(RssSampler.IntervalFor(m.Case.Bytes));
        var cpuBefore = CpuTimes.Now();
        var clock = Stopwatch.StartNew();
        await m.Case.Run();
        clock.Stop();
        m.Cpu.Add(CpuTimes.Now() - cpuBefore);
        m.Seconds.Add(clock.Elapsed.TotalSeconds);
        m.OwnPeakKib = Math.Max(m.OwnPeakKib, sampler.OwnPeakKib);
        m.ChildPeakKib = Math.Max(m.ChildPeakKib, sampler.ChildPeakKib);
        Console.WriteLine($"  run {run}: {m.Case.Id,-22} {m.Case.Bytes / (double)(1 << 20) / clock.Elapsed.TotalSeconds,9:0.0} MiB/s");
        if (run == options.Runs)
            m.Case.Verify();
        workspace.RemoveOutputs(); // keeps tmpfs small and makes every run write a new file, as a first build does
    }
}
Console.WriteLine("All outputs verified (SHA-256 of every round trip matches the input).");

var memory = MemoryProbe.Measure(workspace);

var machine = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, age {workspace.AgeVersion}";
var markdown = Report.Markdown(options, measurements, machine) + Environment.NewLine + Report.MemoryMarkdown(memory);
Directory.CreateDirectory(options.OutputFolder);
File.WriteAllText(Path.Combine(options.OutputFolder, "results.md"), markdown);
File.WriteAllText(Path.Combine(options.OutputFolder, "results.json"), Report.Json(options, measurements, memory));
Console.WriteLine();
Console.WriteLine(markdown);

var byId = measurements.ToDictionary(m => m.Case.Id);
var misses = measurements.Where(m => m.Case.Target is { } t && Report.BestRatio(m, byId) is { } r && r < t).Select(m => m.Case.Id)
    .Concat(Report.MemoryMisses(memory)).ToList();
if (options.Quick)
{
    Console.WriteLine("Quick mode: every case ran and verified; targets are reported, not enforced.");
    return 0;
}
Console.WriteLine(misses.Count == 0 ? "Every target met." : $"Targets missed: {string.Join(", ", misses)}");
return 0;

// The work folder goes to tmpfs when it has room: the disk's writeback would otherwise dominate and add noise
// to every case alike; what is compared is the streaming itself.
static string DefaultWorkParent(long size)
{
    const string shm = "/dev/shm";
    try
    {
        if (Directory.Exists(shm) && new DriveInfo(shm).AvailableFreeSpace > size * 6)
            return shm;
    }
    catch (IOException)
    {
    }
    return Path.GetTempPath();
}
