namespace Cage.Adapter.Passphrases;

/// <summary>
/// Where a passphrase comes from: a value, <c>CAGE_PASSPHRASE</c>, a file, a file descriptor or stream (e.g. stdin
/// when the data is not on stdin), or a hidden prompt on the user's terminal. The passphrase itself is never part
/// of <see cref="Description"/>, messages or logs. <see cref="PassphraseResolver"/> picks the first available one.
/// </summary>
public abstract class PassphraseSource
{
    private protected PassphraseSource(string description) => Description = description;

    /// <summary>Names the source for messages (e.g. <c>CAGE_PASSPHRASE</c> or a path), never the passphrase.</summary>
    public string Description { get; }

    /// <summary>Whether this source can be asked at all (variable set, terminal present); reading may still fail.</summary>
    public abstract bool IsAvailable { get; }

    /// <summary>Reads the passphrase; throws <see cref="CageException"/> (NoPassphrase, EmptyPassphrase, PassphraseMismatch).</summary>
    public abstract Passphrase Read(PassphrasePurpose purpose);

    /// <summary>A passphrase already in memory.</summary>
    public static PassphraseSource FromValue(Passphrase passphrase) => new ValuePassphraseSource(passphrase);

    /// <summary>An environment variable (default <c>CAGE_PASSPHRASE</c>); available when set and non-empty.</summary>
    public static PassphraseSource FromEnvironment(CageEnvironment? environment = null, string variable = CageEnvironmentVariables.Passphrase) =>
        new EnvironmentPassphraseSource(environment ?? CageEnvironment.Process, variable);

    /// <summary>The first line of a file (UTF-8, BOM and line ending ignored).</summary>
    public static PassphraseSource FromFile(string path) => new FilePassphraseSource(path);

    /// <summary>The first line read from an open file descriptor (0 = stdin); reads no further than that line.</summary>
    public static PassphraseSource FromFileDescriptor(int fd) => new DescriptorPassphraseSource(fd);

    /// <summary>The first line read from a stream; reads no further than that line.</summary>
    public static PassphraseSource FromStream(Stream stream, string description) => new StreamPassphraseSource(stream, description);

    /// <summary>
    /// A hidden prompt on the user's terminal (echo off); encryption asks twice and a mismatch is
    /// <see cref="CageErrorCode.PassphraseMismatch"/>. Available when the terminal can be opened.
    /// </summary>
    /// <param name="terminalPath">The terminal to use; default <c>/dev/tty</c> (the controlling terminal).</param>
    public static PassphraseSource FromTerminal(string terminalPath = TerminalPassphraseSource.ControllingTerminal) =>
        new TerminalPassphraseSource(terminalPath);

    /// <inheritdoc />
    public override string ToString() => Description;
}
