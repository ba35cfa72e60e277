using Cage.Testing;

namespace Cage.Build.Tasks.Tests.EndToEnd;

/// <summary>A real age key pair written into a workspace: identity file outside any project, .cage/recipients at the root.</summary>
public sealed class Keys
{
    public Keys(string workspace)
    {
        (Identity, Recipient) = AgeCli.Keygen();
        IdentityFile = Path.Combine(workspace, "keys", "identity.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(IdentityFile)!);
        File.WriteAllText(IdentityFile, Identity);
        Directory.CreateDirectory(Path.Combine(workspace, ".cage"));
        File.WriteAllText(Path.Combine(workspace, ".cage", "recipients"), $"# test team\n{Recipient}\n");
        EmptyConfigHome = Directory.CreateDirectory(Path.Combine(workspace, "empty-config")).FullName;
    }

    public string Identity { get; }
    public string Recipient { get; }
    public string IdentityFile { get; }
    public string EmptyConfigHome { get; }

    /// <summary>The AGE-SECRET-KEY-1... line: what must never show up in a log.</summary>
    public string SecretKeyLine => Identity.Split('\n').First(l => l.StartsWith("AGE-SECRET-KEY-", StringComparison.Ordinal)).Trim();

    public byte[] Encrypt(byte[] plaintext, string? recipient = null) =>
        AgeCli.Age(plaintext, "-r", recipient ?? Recipient).EnsureSuccess().Stdout;

    public byte[] Decrypt(string path) => AgeCli.Age("-d", "-i", IdentityFile, path).EnsureSuccess().Stdout;

    /// <summary>Build environment with the identity given by file.</summary>
    public IReadOnlyDictionary<string, string?> WithIdentityFile() => new Dictionary<string, string?>
    {
        ["CAGE_IDENTITY_FILE"] = IdentityFile,
        ["XDG_CONFIG_HOME"] = EmptyConfigHome,
    };

    /// <summary>Build environment with the identity's contents in CAGE_IDENTITY (the CI style).</summary>
    public IReadOnlyDictionary<string, string?> WithIdentityContents() => new Dictionary<string, string?>
    {
        ["CAGE_IDENTITY"] = Identity,
        ["XDG_CONFIG_HOME"] = EmptyConfigHome,
    };

    /// <summary>Build environment with no identity anywhere.</summary>
    public IReadOnlyDictionary<string, string?> WithoutIdentity() => new Dictionary<string, string?>
    {
        ["XDG_CONFIG_HOME"] = EmptyConfigHome,
    };
}
