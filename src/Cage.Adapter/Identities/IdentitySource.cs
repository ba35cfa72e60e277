namespace Cage.Adapter.Identities;

/// <summary>
/// Where an identity comes from: a file on disk, or contents held in memory (e.g. from <c>CAGE_IDENTITY</c>).
/// Contents are a secret: they are handed to age through a FIFO and never printed.
/// </summary>
public abstract class IdentitySource
{
    private protected IdentitySource(string description) => Description = description;

    /// <summary>Names the source for messages, never its contents (e.g. <c>CAGE_IDENTITY</c> or a path).</summary>
    public string Description { get; }

    /// <summary>An identity file: age keys, or an unencrypted OpenSSH private key.</summary>
    public static IdentitySource FromFile(string path) => new IdentityFile(path);

    /// <summary>Identity contents (one or more <c>AGE-SECRET-KEY-1...</c> lines or an SSH private key).</summary>
    /// <param name="contents">The secret text; validated now, without echoing it in errors.</param>
    /// <param name="description">What to call it in messages, e.g. the variable name.</param>
    public static IdentitySource FromContents(string contents, string description) =>
        IdentityContents.Create(contents, description);

    /// <inheritdoc />
    public override string ToString() => Description;
}
