using Cage.Adapter.Binary;

namespace Cage.Adapter.Engines;

/// <summary>Settings of <see cref="AgeBinaryEngine"/>. Immutable: derive variants with <c>with</c>.</summary>
public sealed record AgeBinaryEngineOptions
{
    /// <summary>Explicit path of age; null to use CAGE_AGE_PATH, then PATH.</summary>
    public string? AgePath { get; init; }

    /// <summary>Where environment variables are read from.</summary>
    public CageEnvironment Environment { get; init; } = CageEnvironment.Process;

    /// <summary>Copy buffer size for age's stdin and stdout.</summary>
    public int BufferSize { get; init; } = StreamPump.DefaultBufferSize;

    /// <summary>
    /// On Linux, move data between regular files and age's pipes with splice(2) instead of copying it through
    /// our memory. On by default; off to measure the copy loop.
    /// </summary>
    public bool UseSplice { get; init; } = true;

    /// <summary>Kill age when one operation takes longer than this; null for no limit.</summary>
    public TimeSpan? Timeout { get; init; }
}
