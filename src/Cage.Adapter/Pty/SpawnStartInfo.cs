namespace Cage.Adapter.Pty;

/// <summary>What to run under a pseudo-terminal and how its standard descriptors are wired.</summary>
/// <param name="FileName">Full path of the executable (no PATH search).</param>
/// <param name="Arguments">Arguments after argv[0]; never secrets.</param>
/// <param name="Environment">The child's complete environment (<c>NAME=value</c> pairs); never secrets.</param>
/// <param name="StandardInput">What fd 0 is.</param>
/// <param name="StandardOutput">What fd 1 is.</param>
/// <param name="StandardError">What fd 2 is.</param>
internal sealed record SpawnStartInfo(
    string FileName,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    ChildStream StandardInput,
    ChildStream StandardOutput,
    ChildStream StandardError);
