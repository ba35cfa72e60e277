namespace Cage.Adapter.Keys;

/// <summary>A key written by <see cref="AgeKeygen"/>: where it is and its public recipient (never the secret).</summary>
/// <param name="Path">The key file, created 0600.</param>
/// <param name="Recipient">The public recipient (<c>age1...</c>).</param>
public sealed record GeneratedKey(string Path, string Recipient);
