using System.Text;

namespace Cage.Adapter.Identities;

/// <summary>Identity contents held in memory. A secret: never printed, zeroed when handed over.</summary>
public sealed class IdentityContents : IdentitySource
{
    private readonly byte[] _utf8;

    private IdentityContents(byte[] utf8, string description) : base(description) => _utf8 = utf8;

    internal static IdentityContents Create(string contents, string description)
    {
        var normalised = contents.TrimStart('\uFEFF').Replace("\r\n", "\n");
        if (!LooksLikeIdentity(normalised))
        {
            throw new CageException(CageErrorCode.InvalidIdentity,
                $"{description} does not hold an identity",
                hint: $"{description} must hold one or more 'AGE-SECRET-KEY-1...' lines (the contents of a key file made by age-keygen), or an unencrypted OpenSSH private key; use CAGE_IDENTITY_FILE for a path");
        }
        if (!normalised.EndsWith('\n'))
            normalised += "\n";
        return new IdentityContents(Encoding.UTF8.GetBytes(normalised), description);
    }

    /// <summary>A copy of the contents for handing to age; the caller zeroes it.</summary>
    internal byte[] CopyBytes() => (byte[])_utf8.Clone();

    private static bool LooksLikeIdentity(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (lines.Count == 0)
            return false;
        if (lines[0].StartsWith("-----BEGIN ", StringComparison.Ordinal))
            return true;
        return lines.All(l => l.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal) || l.StartsWith("AGE-PLUGIN-", StringComparison.Ordinal));
    }
}
