using Cage.Adapter.Recipients;

namespace Cage.Adapter.Binary;

/// <summary>
/// The only place that builds age's argv. Arguments hold public keys and paths, never secrets:
/// identities go by path (a FIFO for contents) and passphrases through the terminal.
/// </summary>
public static class AgeArguments
{
    /// <summary><c>age -e [-a] -r R1 -r R2 ...</c>, streaming stdin to stdout.</summary>
    public static IReadOnlyList<string> EncryptToRecipients(RecipientSet recipients, bool armor)
    {
        var args = new List<string> { "--encrypt" };
        if (armor)
            args.Add("--armor");
        foreach (var recipient in recipients.Recipients)
        {
            args.Add("--recipient");
            args.Add(recipient.Value);
        }
        return args;
    }

    /// <summary><c>age -d -i PATH ...</c>, streaming stdin to stdout.</summary>
    public static IReadOnlyList<string> DecryptWithIdentities(IReadOnlyList<string> identityPaths)
    {
        var args = new List<string> { "--decrypt" };
        foreach (var path in identityPaths)
        {
            args.Add("--identity");
            args.Add(path);
        }
        return args;
    }

    /// <summary><c>age -p [-a] [-o OUT] [IN]</c>: passphrase from the terminal.</summary>
    public static IReadOnlyList<string> EncryptWithPassphrase(bool armor, string? outputPath = null, string? inputPath = null)
    {
        var args = new List<string> { "--passphrase" };
        if (armor)
            args.Add("--armor");
        AddFiles(args, outputPath, inputPath);
        return args;
    }

    /// <summary><c>age -d [-o OUT] [IN]</c>: age asks for the passphrase once it sees an scrypt header.</summary>
    public static IReadOnlyList<string> DecryptWithPassphrase(string? outputPath = null, string? inputPath = null)
    {
        var args = new List<string> { "--decrypt" };
        AddFiles(args, outputPath, inputPath);
        return args;
    }

    private static void AddFiles(List<string> args, string? outputPath, string? inputPath)
    {
        if (outputPath is not null)
        {
            args.Add("--output");
            args.Add(outputPath);
        }
        if (inputPath is not null)
        {
            args.Add("--"); // a file named like a flag stays a file
            args.Add(inputPath);
        }
    }
}
