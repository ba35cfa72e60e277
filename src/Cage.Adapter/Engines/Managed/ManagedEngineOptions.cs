namespace Cage.Adapter.Engines.Managed;

/// <summary>Settings of the managed engine. Immutable: derive variants with <c>with</c>.</summary>
public sealed record ManagedEngineOptions
{
    /// <summary>The scrypt work factor (log2 N) used to encrypt with a passphrase; age uses 18.</summary>
    public int WorkFactor { get; init; } = 18;

    /// <summary>The highest scrypt work factor accepted on decrypt (age's default is 22; above that costs GiBs).</summary>
    public int MaxWorkFactor { get; init; } = 22;

    /// <summary>How many cores encrypt or decrypt chunks at once; 1 runs serially on the calling flow.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
