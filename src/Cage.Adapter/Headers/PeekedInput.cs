namespace Cage.Adapter.Headers;

/// <summary>
/// The header of a non-seekable input (such as stdin) and a stream that still yields every byte from the start:
/// the bytes read to find the header are replayed before the rest.
/// </summary>
/// <param name="Header">What the header says.</param>
/// <param name="Stream">The whole input, unchanged.</param>
public sealed record PeekedInput(AgeHeader Header, Stream Stream);
