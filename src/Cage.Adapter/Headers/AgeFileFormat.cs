namespace Cage.Adapter.Headers;

/// <summary>How a file is encoded, judged by its first bytes (never by its name).</summary>
public enum AgeFileFormat
{
    /// <summary>Not an age file.</summary>
    NotAge,
    /// <summary>Binary age: starts with <c>age-encryption.org/v1</c>.</summary>
    Binary,
    /// <summary>ASCII-armored age: starts with <c>-----BEGIN AGE ENCRYPTED FILE-----</c>.</summary>
    Armored,
}
