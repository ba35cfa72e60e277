namespace Cage.Benchmarks;

/// <summary>
/// CPU seconds used by this process and by its reaped children (age), from /proc/self/stat: shows where the
/// time of a case goes, e.g. what bounds the small-file batch on two cores.
/// </summary>
internal readonly record struct CpuTimes(double Own, double Children)
{
    private const double TicksPerSecond = 100.0; // USER_HZ on Linux

    public static CpuTimes Now()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the command name: field 3 is index 0, so utime(14)=11, stime(15)=12, cutime(16)=13, cstime(17)=14.
            return new CpuTimes((long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond,
                (long.Parse(fields[13]) + long.Parse(fields[14])) / TicksPerSecond);
        }
        catch (IOException)
        {
            return default;
        }
    }

    public static CpuTimes operator -(CpuTimes a, CpuTimes b) => new(a.Own - b.Own, a.Children - b.Children);
}
