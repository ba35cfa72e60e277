namespace Cage.Testing;

/// <summary>
/// Fault injection only: shell scripts standing in for age. Each answers <c>--version</c> like age 1.1.1 (so the
/// adapter's locator accepts it) and then misbehaves in one named way, or watches the real age run. Their file
/// names start with FakeAge so no one mistakes them for the real binary.
/// </summary>
public static class FakeAge
{
    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Writes an executable fake age named <paramref name="name"/> into <paramref name="folder"/> that runs <paramref name="body"/>.</summary>
    public static string Script(string folder, string name, string body)
    {
        if (!name.StartsWith("FakeAge", StringComparison.Ordinal))
            throw new ArgumentException("fake age scripts are named FakeAge...", nameof(name));
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "#!/bin/sh\nif [ \"$1\" = \"--version\" ]; then echo v1.1.1; exit 0; fi\n" + body.Replace("\r\n", "\n") + "\n");
        File.SetUnixFileMode(path, Executable);
        return path;
    }

    /// <summary>Process name (comm, 15 characters) of <see cref="PausedAtStart"/> until it execs the real age.</summary>
    public const string PausedAtStartCommand = "FakeAgePausedAt";

    /// <summary>
    /// Stops itself (SIGSTOP) before anything happens, then, once continued, execs the real age in the same
    /// process: a test can find it and step it through a stream without racing a fast age.
    /// </summary>
    public static string PausedAtStart(string folder) => Script(folder, "FakeAgePausedAtStart", $"kill -STOP $$\nexec {AgeCli.AgePath} \"$@\"");

    /// <summary>Never reads, never writes, never exits (exec keeps one process, so killing it leaves no orphan).</summary>
    public static string Hangs(string folder) => Script(folder, "FakeAgeHangs", "exec sleep 3600");

    /// <summary>Reads all input, prints text that is not age output, exits 0.</summary>
    public static string Garbage(string folder) => Script(folder, "FakeAgeGarbage", "cat > /dev/null\necho 'this is not age output'\nexit 0");

    /// <summary>Runs the real age but drops the last <paramref name="bytes"/> bytes of its output, and exits 0.</summary>
    public static string Truncating(string folder, int bytes) => Script(folder, "FakeAgeTruncating", $$"""
        out=$(mktemp)
        {{AgeCli.AgePath}} "$@" > "$out" || { rm -f "$out"; exit 1; }
        head -c -{{bytes}} "$out"
        rm -f "$out"
        exit 0
        """);

    /// <summary>Runs the real age and appends <paramref name="bytes"/> extra bytes to its output, and exits 0.</summary>
    public static string Padding(string folder, int bytes) => Script(folder, "FakeAgePadding", $$"""
        {{AgeCli.AgePath}} "$@" || exit 1
        head -c {{bytes}} /dev/zero
        exit 0
        """);

    /// <summary>
    /// Not a fault: appends its argv and environment (NUL-separated, as /proc shows them) to <paramref name="log"/>,
    /// then execs the real age, so a test sees exactly what the tool handed to age.
    /// </summary>
    public static string Recording(string folder, string log) => Script(folder, "FakeAgeRecording", $$"""
        printf 'argv:' >> '{{log}}'
        printf '%s\0' "$@" >> '{{log}}'
        printf '\nenv:' >> '{{log}}'
        cat /proc/$$/environ >> '{{log}}'
        printf '\n' >> '{{log}}'
        exec {{AgeCli.AgePath}} "$@"
        """);

    /// <summary>Passes everything to the real age except that the Nth encryption exits 1 with a message, as a crash or a full disk would.</summary>
    public static string FailingOnNthEncrypt(string folder, int n)
    {
        var counter = Path.Combine(folder, "FakeAge.count");
        return Script(folder, "FakeAge-fail-nth-encrypt.sh", $$"""
            case " $* " in
              *" --encrypt "*|*" -e "*)
                # flock serialises the counter: rotations run files in parallel
                count=$(flock '{{counter}}.lock' sh -c 'c=$(cat "$1" 2>/dev/null || echo 0); c=$((c+1)); echo $c > "$1"; echo $c' sh '{{counter}}')
                if [ "$count" -eq {{n}} ]; then
                  cat > /dev/null
                  echo "age: error: FakeAge injected failure" >&2
                  exit 1
                fi
                ;;
            esac
            exec {{AgeCli.AgePath}} "$@"
            """);
    }
}
