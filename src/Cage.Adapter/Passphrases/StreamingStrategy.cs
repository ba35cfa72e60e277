namespace Cage.Adapter.Passphrases;

/// <summary>How data reaches age when a passphrase is used (recipient and identity work never needs a terminal or temp files).</summary>
public enum StreamingStrategy
{
    /// <summary><see cref="Pipe"/> where the platform supports it, else <see cref="TempFile"/>.</summary>
    Auto,
    /// <summary>A pseudo-terminal is only age's controlling terminal; data flows through stdin/stdout pipes; nothing on disk.</summary>
    Pipe,
    /// <summary>Data is staged in a 0600 file in a 0700 private folder and age runs with <c>-o OUT IN</c>; every temp file is removed.</summary>
    TempFile,
}
