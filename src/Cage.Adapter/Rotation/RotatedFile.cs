namespace Cage.Adapter.Rotation;

/// <summary>The outcome of one file in a rotation.</summary>
/// <param name="Path">The encrypted file.</param>
/// <param name="Verification">How it was verified, when it got that far.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record RotatedFile(string Path, RotationVerification? Verification, CageException? Error)
{
    /// <summary>True when this file was re-encrypted and verified.</summary>
    public bool Succeeded => Error is null;
}
