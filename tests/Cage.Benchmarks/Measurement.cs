namespace Cage.Benchmarks;

/// <summary>The runs of one case: seconds per run and peak memory.</summary>
internal sealed class Measurement
{
    public Measurement(BenchmarkCase benchmarkCase) => Case = benchmarkCase;

    public BenchmarkCase Case { get; }
    public List<double> Seconds { get; } = new();
    public long OwnPeakKib { get; set; }
    public long ChildPeakKib { get; set; }

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
