namespace Cage.Adapter.Batch;

/// <summary>The outcome of one file in a batch.</summary>
/// <param name="Path">The file worked on.</param>
/// <param name="Output">What was written (or would be), if anything.</param>
/// <param name="Error">The failure, or null on success.</param>
/// <param name="Bytes">Bytes read from the input.</param>
public sealed record FileResult(string Path, string? Output, CageException? Error, long Bytes)
{
    /// <summary>True when the file succeeded.</summary>
    public bool Succeeded => Error is null;
}
