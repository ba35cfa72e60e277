namespace Cage.Adapter.Binary;

/// <summary>A located, runnable age (or age-keygen) binary and the version it reported.</summary>
/// <param name="Path">Full path of the executable.</param>
/// <param name="Version">What <c>--version</c> printed, e.g. <c>1.1.1</c>.</param>
public sealed record AgeBinary(string Path, string Version);
