using Cage.Adapter.Binary;
using Cage.Adapter.Passphrases;

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
    /// When input and output are both regular files, give them to age as its stdin and stdout instead of pumping
    /// them through pipes (no byte crosses this process). Default true; false always pumps, as for any other stream.
    /// </summary>
    public bool DirectFiles { get; init; } = true;

    /// <summary>Kill age when one operation takes longer than this; null for no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// How data reaches age for passphrase operations; null to use CAGE_STREAMING_STRATEGY, else
    /// <see cref="StreamingStrategy.Auto"/>. Recipient and identity work streams through stdin and stdout (see <see cref="DirectFiles"/>).
    /// </summary>
    public StreamingStrategy? Strategy { get; init; }

    /// <summary>Kill age when an expected passphrase prompt does not appear within this time (<see cref="CageErrorCode.PromptTimeout"/>).</summary>
    public TimeSpan PromptTimeout { get; init; } = DefaultPromptTimeout;

    /// <summary>
    /// How many passphrase age processes may run at once in this process (scrypt takes about 0.3-0.5 GB each).
    /// Shared by all engines that use the same value.
    /// </summary>
    public int MaxPassphraseConcurrency { get; init; } = DefaultMaxPassphraseConcurrency;

    /// <summary>Root of private temp folders for the tempfile strategy; null for CAGE_TEMP_DIR, then the system temp folder.</summary>
    public string? TempRoot { get; init; }

    /// <summary>Default of <see cref="PromptTimeout"/>.</summary>
    public static readonly TimeSpan DefaultPromptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Default of <see cref="MaxPassphraseConcurrency"/>.</summary>
    public const int DefaultMaxPassphraseConcurrency = 2;
}
