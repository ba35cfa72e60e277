using Cage.Adapter;

namespace Cage.Tool.Options;

/// <summary>
/// Refuses a passphrase typed on the command line (<c>--passphrase VALUE</c>, <c>-p=VALUE</c>): argv is visible to
/// every user through /proc and lands in shell history. <c>-p</c> is a switch; the value comes from elsewhere.
/// </summary>
internal static class CommandLineSecrets
{
    private static readonly string[] Switches = { "-p", "--passphrase" };

    public static void RefusePassphraseValue(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
                return;
            var inline = Switches.Any(s => arg.StartsWith(s + "=", StringComparison.Ordinal) || arg.StartsWith(s + ":", StringComparison.Ordinal));
            // "-p VALUE": a following word that names no existing file or folder can only be a passphrase.
            var separate = Switches.Contains(arg) && i + 1 < args.Count && LooksLikeValue(args[i + 1]);
            if (inline || separate)
                throw new CageException(CageErrorCode.UsageError, "a passphrase cannot be given on the command line",
                    hint: "-p/--passphrase is a switch: type the passphrase at the prompt, or use CAGE_PASSPHRASE or --passphrase-file FILE");
        }
    }

    private static bool LooksLikeValue(string next) =>
        !next.StartsWith('-') && !File.Exists(next) && !Directory.Exists(next);
}
