namespace Cage.Adapter;

/// <summary>The one place that says, for each <see cref="CageErrorCode"/>, what went wrong and what to do.</summary>
public static class CageErrors
{
    private static readonly Dictionary<CageErrorCode, (string Summary, string Hint)> Table = new()
    {
        [CageErrorCode.AgeNotFound] = ("age was not found or could not be run",
            "install age 1.1 or later (Debian/Ubuntu: 'apt-get install age'; macOS: 'brew install age'; Windows: 'winget install FiloSottile.age'), or point CAGE_AGE_PATH at the binary"),
        [CageErrorCode.AgeKeygenNotFound] = ("age-keygen was not found or could not be run",
            "age-keygen ships with age: install age ('apt-get install age' or 'brew install age'), or point CAGE_AGE_KEYGEN_PATH at the binary"),
        [CageErrorCode.InvalidRecipient] = ("a recipient is not valid",
            "use an age public key (age1...), an 'ssh-ed25519 ...' or 'ssh-rsa ...' public key; 'age-keygen -y KEYFILE' prints the recipient of a key"),
        [CageErrorCode.NoRecipients] = ("no recipients were given",
            "pass a recipient (-r age1...), a recipients file (-R FILE), or create .cage/recipients"),
        [CageErrorCode.RecipientsFileUnreadable] = ("a recipients file could not be read",
            "check that the path exists and is readable"),
        [CageErrorCode.NoIdentity] = ("no identity was found to decrypt with",
            "set CAGE_IDENTITY (key contents) or CAGE_IDENTITY_FILE (a path), pass -i KEYFILE, or create ~/.config/cage/keys.txt with 'dotnet cage keygen'"),
        [CageErrorCode.InvalidIdentity] = ("an identity is not valid or could not be read",
            "identities are AGE-SECRET-KEY-1... lines or unencrypted OpenSSH private keys, UTF-8 without a BOM is safest"),
        [CageErrorCode.NoIdentityMatched] = ("none of the identities can decrypt this file",
            "the file was encrypted to other recipients: use the matching key, or ask someone who can decrypt it to re-encrypt it to your recipient"),
        [CageErrorCode.IncorrectPassphrase] = ("the passphrase is incorrect",
            "check the passphrase (CAGE_PASSPHRASE, passphrase file or what was typed) and try again"),
        [CageErrorCode.HeaderCorrupted] = ("the age header is corrupted or was tampered with",
            "restore the file from version control or a backup; it cannot be decrypted as it is"),
        [CageErrorCode.PayloadCorrupted] = ("the encrypted data is corrupted, truncated or was tampered with",
            "restore the file from version control or a backup; no partial plaintext was written"),
        [CageErrorCode.Truncated] = ("the encrypted file ends early (truncated)",
            "the file was cut short, e.g. by an interrupted copy or download: restore it from version control or a backup"),
        [CageErrorCode.NotAgeFile] = ("the input is not an age-encrypted file",
            "check that the path names an encrypted file; age files start with 'age-encryption.org/v1' or '-----BEGIN AGE ENCRYPTED FILE-----'"),
        [CageErrorCode.InputNotFound] = ("the input file does not exist",
            "check the path"),
        [CageErrorCode.InputUnreadable] = ("the input could not be read",
            "check that the path is a readable file, not a directory, and its permissions"),
        [CageErrorCode.OutputNotWritable] = ("the output could not be written",
            "check that the destination folder exists, is writable and has free space"),
        [CageErrorCode.AgeCrashed] = ("age was killed by a signal",
            "check for memory limits or something killing processes; nothing was written to the destination; try again"),
        [CageErrorCode.AgeFailed] = ("age failed",
            "see age's message above; if it persists, run 'dotnet cage doctor'"),
        [CageErrorCode.Timeout] = ("age did not finish in time and was stopped",
            "raise the timeout if the file is very large, or check that age is not waiting for input"),
        [CageErrorCode.InvalidAgeOutput] = ("age produced invalid output",
            "check that CAGE_AGE_PATH points at the real age binary ('dotnet cage doctor' shows which one is used)"),
        [CageErrorCode.PtyNotSupported] = ("pseudo-terminals are not supported on this platform",
            "passphrase operations through age need Linux or macOS; use recipient keys instead"),
        [CageErrorCode.EmptyPassphrase] = ("the passphrase is empty",
            "give a non-empty passphrase (age would otherwise generate one and print it on the terminal)"),
        [CageErrorCode.PromptTimeout] = ("age did not ask for the passphrase in time",
            "check that CAGE_AGE_PATH points at age 1.1 or later; raise the prompt timeout on a very slow machine"),
        [CageErrorCode.InvalidStrategy] = ("the streaming strategy is not known",
            "use one of: pipe, tempfile, auto (CAGE_STREAMING_STRATEGY or --strategy)"),
        [CageErrorCode.PassphraseMismatch] = ("the passphrases do not match",
            "type the same passphrase twice"),
        [CageErrorCode.NoPassphrase] = ("no passphrase is available",
            "run in a terminal to be prompted, set CAGE_PASSPHRASE, or pass --passphrase-file FILE"),
        [CageErrorCode.BinaryToTerminal] = ("refusing to write binary data to a terminal",
            "redirect the output to a file (-o FILE or '> FILE'), or use --armor"),
        [CageErrorCode.OutputExists] = ("the destination already exists",
            "pass --force to overwrite it, or choose another output path"),
        [CageErrorCode.InvalidConfiguration] = ("a configuration value is not valid",
            "check the value named above"),
        [CageErrorCode.UsageError] = ("the command line is not valid",
            "see --help for usage"),
        [CageErrorCode.EditorFailed] = ("the editor failed",
            "set VISUAL or EDITOR to an editor that waits until you close the file (e.g. 'code --wait', 'nano'); the encrypted file was left unchanged"),
        [CageErrorCode.IdentityFileExposed] = ("an identity file can be read by other users",
            "restrict it to its owner: 'chmod 600 FILE' (age-keygen and 'dotnet cage keygen' create key files that way)"),
        [CageErrorCode.WorkFactorTooHigh] = ("the passphrase-encrypted file asks for more scrypt work than allowed",
            "a very high work factor can take minutes and gigabytes to decrypt; if you trust the file, raise the maximum (CAGE_SCRYPT_MAX_WORK_FACTOR, up to 30); age itself refuses above 22"),
        [CageErrorCode.InvalidEngine] = ("an unknown engine was named",
            "use auto, age or managed (CAGE_ENGINE, the CageEngine MSBuild property or --engine)"),
        [CageErrorCode.ManagedEngineUnsupported] = ("the managed age engine cannot do this here",
            "use the age binary engine (CAGE_ENGINE=age): the managed engine needs ChaCha20-Poly1305 from the platform and supports X25519, scrypt, ssh-ed25519 and ssh-rsa only (no plugins)"),
    };

    /// <summary>The stable text form, e.g. <c>CAGE001</c>.</summary>
    public static string Id(CageErrorCode code) => $"CAGE{(int)code:D3}";

    /// <summary>What went wrong, in general terms.</summary>
    public static string Summary(CageErrorCode code) => Table[code].Summary;

    /// <summary>What the user should do about it.</summary>
    public static string Hint(CageErrorCode code) => Table[code].Hint;

    internal static IEnumerable<CageErrorCode> All => Table.Keys;
}
