namespace Cage.Adapter;

/// <summary>
/// Stable error codes. The numeric value is the code: <c>CAGE001</c> is <see cref="AgeNotFound"/>.
/// Never renumber; add new codes at the end. Message and hint for each live in <see cref="CageErrors"/>.
/// </summary>
public enum CageErrorCode
{
    /// <summary>The age binary could not be found or run.</summary>
    AgeNotFound = 1,
    /// <summary>The age-keygen binary could not be found or run.</summary>
    AgeKeygenNotFound = 2,
    /// <summary>A recipient is malformed or of an unsupported type.</summary>
    InvalidRecipient = 3,
    /// <summary>Encryption was asked for with no recipient at all.</summary>
    NoRecipients = 4,
    /// <summary>A recipients file is missing or unreadable.</summary>
    RecipientsFileUnreadable = 5,
    /// <summary>Decryption was asked for with no identity from any source.</summary>
    NoIdentity = 6,
    /// <summary>An identity file or identity contents are malformed or unreadable.</summary>
    InvalidIdentity = 7,
    /// <summary>None of the identities can decrypt the file.</summary>
    NoIdentityMatched = 8,
    /// <summary>The passphrase does not decrypt the file.</summary>
    IncorrectPassphrase = 9,
    /// <summary>The age header is corrupted or was tampered with.</summary>
    HeaderCorrupted = 10,
    /// <summary>The encrypted payload is corrupted or was tampered with.</summary>
    PayloadCorrupted = 11,
    /// <summary>The encrypted file ends early.</summary>
    Truncated = 12,
    /// <summary>The input is not an age file.</summary>
    NotAgeFile = 13,
    /// <summary>The input file does not exist.</summary>
    InputNotFound = 14,
    /// <summary>The input exists but cannot be read.</summary>
    InputUnreadable = 15,
    /// <summary>The output cannot be written.</summary>
    OutputNotWritable = 16,
    /// <summary>age was killed by a signal.</summary>
    AgeCrashed = 17,
    /// <summary>age failed in a way we do not recognise.</summary>
    AgeFailed = 18,
    /// <summary>age did not finish within the configured timeout.</summary>
    Timeout = 19,
    /// <summary>age produced output that is not valid (e.g. a fake or broken binary).</summary>
    InvalidAgeOutput = 20,
    /// <summary>Pseudo-terminals are not supported on this platform.</summary>
    PtyNotSupported = 21,
    /// <summary>An empty passphrase was given.</summary>
    EmptyPassphrase = 22,
    /// <summary>age did not show the expected passphrase prompt in time.</summary>
    PromptTimeout = 23,
    /// <summary>An unknown streaming strategy was named.</summary>
    InvalidStrategy = 24,
    /// <summary>Passphrase and confirmation differ.</summary>
    PassphraseMismatch = 25,
    /// <summary>No passphrase source is available (no terminal, no variable, no file).</summary>
    NoPassphrase = 26,
    /// <summary>Refused to write binary data to a terminal.</summary>
    BinaryToTerminal = 27,
    /// <summary>The destination exists and overwriting was not allowed.</summary>
    OutputExists = 28,
    /// <summary>A configuration value is invalid.</summary>
    InvalidConfiguration = 29,
    /// <summary>A command line usage error.</summary>
    UsageError = 30,
    /// <summary>The editor could not be started or exited with an error (dotnet cage edit).</summary>
    EditorFailed = 50,
    /// <summary>Warning: an identity file can be read or written by other users (group/other permission bits).</summary>
    IdentityFileExposed = 60,
    /// <summary>A passphrase-encrypted file asks for more scrypt work than allowed (managed engine).</summary>
    WorkFactorTooHigh = 70,
    /// <summary>An unknown engine was named (CAGE_ENGINE, CageEngine, --engine).</summary>
    InvalidEngine = 71,
    /// <summary>The managed engine cannot run here (no ChaCha20-Poly1305 in this runtime) or lacks a feature.</summary>
    ManagedEngineUnsupported = 72,
}
