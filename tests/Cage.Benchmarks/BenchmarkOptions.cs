namespace Cage.Benchmarks;

/// <summary>Command line of the benchmark. <c>--quick</c> is the CI mode: 32 MiB, one run, verify only.</summary>
internal sealed record BenchmarkOptions
{
    public long Size { get; init; } = 256L << 20;
    public int Runs { get; init; } = 3;
    public IReadOnlySet<string>? Cases { get; init; }
    public string OutputFolder { get; init; } = Path.Combine("artifacts", "benchmarks");
    public string? WorkFolder { get; init; }
    public bool Quick { get; init; }

    public const string Usage = """
        Cage streaming benchmark: every Cage path against raw age, interleaved, in one run.

        usage: dotnet run -c Release --project tests/Cage.Benchmarks -- [options]
          --size SIZE      input size (e.g. 32MiB, 1GiB; default 256MiB)
          --runs N         measured runs per case (default 3); median and best are reported
          --cases A,B      only these case ids (anchors of chosen candidates are added)
          --out DIR        where results.md and results.json go (default artifacts/benchmarks)
          --work DIR       scratch folder for inputs and outputs (default: system temp)
          --quick          CI mode: 32 MiB, one run, every case verified, no targets enforced
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--size" => options with { Size = ByteSize.Parse(Next()) },
                "--runs" => options with { Runs = int.Parse(Next()) },
                "--cases" => options with { Cases = Next().Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet() },
                "--out" => options with { OutputFolder = Next() },
                "--work" => options with { WorkFolder = Next() },
                "--quick" => options with { Quick = true, Size = 32L << 20, Runs = 1 },
                "-h" or "--help" => throw new HelpRequested(),
                var unknown => throw new ArgumentException($"unknown option '{unknown}'"),
            };
        }
        return options;
    }

    internal sealed class HelpRequested : Exception
    {
    }
}
