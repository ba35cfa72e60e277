using Cage.Adapter.Pty;

namespace Cage.Adapter.Passphrases;

/// <summary>
/// Parses and resolves <see cref="StreamingStrategy"/>: an explicit choice wins, else
/// <c>CAGE_STREAMING_STRATEGY</c>, else <see cref="StreamingStrategy.Auto"/>. An unknown name is
/// <see cref="CageErrorCode.InvalidStrategy"/>, never silently ignored.
/// </summary>
public static class StreamingStrategies
{
    /// <summary>The accepted names, as users type them.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "pipe", "tempfile", "auto" };

    /// <summary>Parses <c>pipe</c>, <c>tempfile</c> or <c>auto</c> (case-insensitive, surrounding blanks ignored).</summary>
    public static StreamingStrategy Parse(string value, string origin = "the streaming strategy")
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim().ToLowerInvariant() switch
        {
            "pipe" => StreamingStrategy.Pipe,
            "tempfile" => StreamingStrategy.TempFile,
            "auto" => StreamingStrategy.Auto,
            _ => throw new CageException(CageErrorCode.InvalidStrategy, $"{origin} is '{Shorten(value)}'"),
        };
    }

    /// <summary>The strategy asked for: <paramref name="explicitChoice"/>, else the environment, else Auto.</summary>
    public static StreamingStrategy Select(StreamingStrategy? explicitChoice, CageEnvironment? environment = null)
    {
        if (explicitChoice is { } chosen)
            return Validate(chosen);
        var fromEnvironment = (environment ?? CageEnvironment.Process).Get(CageEnvironmentVariables.StreamingStrategy);
        return fromEnvironment is null ? StreamingStrategy.Auto : Parse(fromEnvironment, CageEnvironmentVariables.StreamingStrategy);
    }

    /// <summary>The concrete strategy to run: like <see cref="Select"/>, with Auto turned into Pipe or TempFile.</summary>
    public static StreamingStrategy Resolve(StreamingStrategy? explicitChoice, CageEnvironment? environment = null) =>
        Select(explicitChoice, environment) switch
        {
            StreamingStrategy.Auto => PipeSupported ? StreamingStrategy.Pipe : StreamingStrategy.TempFile,
            var concrete => concrete,
        };

    /// <summary>
    /// Pipe streaming needs a child that has a terminal as controlling terminal while its stdin/stdout are pipes:
    /// posix_spawn with a new session (glibc 2.26+, macOS 10.15+). Everywhere else the PTY layer is unsupported
    /// anyway and the engine reports <see cref="CageErrorCode.PtyNotSupported"/>.
    /// </summary>
    public static bool PipeSupported => PtySupport.IsSupported;

    private static StreamingStrategy Validate(StreamingStrategy strategy) =>
        Enum.IsDefined(strategy) ? strategy : throw new CageException(CageErrorCode.InvalidStrategy, $"value {(int)strategy}");

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "..." : value;
}
