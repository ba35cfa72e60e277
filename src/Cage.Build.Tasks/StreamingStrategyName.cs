using Cage.Adapter;

namespace Cage.Build.Tasks;

/// <summary>The names accepted for <c>CageStreamingStrategy</c>: pipe, tempfile or auto (empty means auto).</summary>
internal static class StreamingStrategyName
{
    public static readonly IReadOnlyList<string> Known = new[] { "pipe", "tempfile", "auto" };

    /// <summary>Throws <see cref="CageErrorCode.InvalidStrategy"/> for an unknown name.</summary>
    public static string Validate(string? name)
    {
        var normalized = string.IsNullOrWhiteSpace(name) ? "auto" : name.Trim().ToLowerInvariant();
        if (!Known.Contains(normalized))
            throw new CageException(CageErrorCode.InvalidStrategy, $"CageStreamingStrategy is '{name}'");
        return normalized;
    }
}
