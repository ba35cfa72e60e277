namespace Cage.Adapter.Rotation;

/// <summary>The outcome of a rotation: either every file was replaced, or none was.</summary>
/// <param name="Files">Per-file outcomes, in input order.</param>
/// <param name="Committed">True when the new files replaced the originals (never on a dry run or any failure).</param>
/// <param name="DryRun">True when nothing was meant to be replaced.</param>
public sealed record RotationResult(IReadOnlyList<RotatedFile> Files, bool Committed, bool DryRun)
{
    /// <summary>True when every file was re-encrypted and verified.</summary>
    public bool AllSucceeded => Files.All(f => f.Succeeded);
}
