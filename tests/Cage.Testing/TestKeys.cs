namespace Cage.Testing;

/// <summary>Key material made fresh for tests with the real tools.</summary>
public static class TestKeys
{
    /// <summary>Writes an age identity into <paramref name="dir"/>; returns (identity file, recipient).</summary>
    public static (string IdentityFile, string Recipient) NewAgeKey(TempDir dir, string name = "key.txt")
    {
        var (identity, recipient) = AgeCli.Keygen();
        return (dir.Write(name, identity), recipient);
    }

    /// <summary>Makes an SSH key pair with ssh-keygen; returns (private key file, public key line).</summary>
    public static (string PrivateKeyFile, string PublicKey) NewSshKey(TempDir dir, string type, string name)
    {
        var path = dir.File(name);
        var args = new List<string> { "-q", "-t", type, "-N", "", "-C", "test@cage", "-f", path };
        if (type == "rsa")
            args.InsertRange(0, new[] { "-b", "2048" });
        var keygen = Adapter.Binary.AgeLocator.SearchPath("ssh-keygen", Environment.GetEnvironmentVariable("PATH"))
            ?? throw new InvalidOperationException("ssh-keygen is not on PATH: install it with 'apt-get install -y openssh-client'.");
        AgeCli.Run(keygen, args).EnsureSuccess();
        return (path, File.ReadAllText(path + ".pub").Trim());
    }
}
