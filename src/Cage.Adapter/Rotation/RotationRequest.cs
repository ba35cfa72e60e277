using Cage.Adapter.Engines;

namespace Cage.Adapter.Rotation;

/// <summary>What to rotate and how. Immutable.</summary>
public sealed record RotationRequest
{
    /// <summary>The encrypted files to re-encrypt.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>How to decrypt each current file (e.g. a passphrase for scrypt files, identities for the rest).</summary>
    public required Func<string, DecryptOptions> Old { get; init; }

    /// <summary>What to encrypt to (armor is kept per file from its current format).</summary>
    public required EncryptOptions New { get; init; }

    /// <summary>How to decrypt the new files for verification; null or unable to decrypt means a header check.</summary>
    public DecryptOptions? Verify { get; init; }

    /// <summary>Prepare and verify everything, then throw it away instead of replacing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Upper bound of files prepared at once; null for <see cref="Batch.BatchRunner.DefaultParallelism"/>.</summary>
    public int? MaxParallelism { get; init; }
}
