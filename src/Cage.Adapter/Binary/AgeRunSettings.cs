namespace Cage.Adapter.Binary;

/// <summary>How one age run is carried out.</summary>
/// <param name="Operation">Encrypt or decrypt (decides output checks).</param>
/// <param name="BufferSize">Copy buffer size for stdin/stdout.</param>
/// <param name="Timeout">Kill age after this long; null for no limit.</param>
/// <param name="Context">What is being processed, for messages (e.g. a file name).</param>
internal sealed record AgeRunSettings(AgeOperation Operation, int BufferSize, TimeSpan? Timeout, string? Context);
