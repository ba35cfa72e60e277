namespace Cage.Benchmarks;

/// <summary>The runs of one case: seconds per run and peak memory.</summary>
internal sealed class Measurement
{
    public Measurement(BenchmarkCase benchmarkCase) => Case = benchmarkCase;

    public BenchmarkCase Case { get; }
    public List<double> Seconds { get; } = new();
    public long OwnPeakKib { get; set; }
    public long ChildPeakKib { get; set; }
    public List<CpuTimes> Cpu { get; } = new();

    /// <summary>Median CPU seconds per run of this process and of age.</summary>
    public (double Own, double Age) MedianCpu =>
        (Cpu.Select(c => c.Own).Order().ElementAt(Cpu.Count / 2), Cpu.Select(c => c.Children).Order().ElementAt(Cpu.Count / 2));

    public double MedianSeconds
    {
        get
        {
            var sorted = Seconds.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    public double MinSeconds => Seconds.Min();

    public double MedianMiBps => Case.Bytes / (double)(1 << 20) / MedianSeconds;

    public double BestMiBps => Case.Bytes / (double)(1 << 20) / MinSeconds;
}
