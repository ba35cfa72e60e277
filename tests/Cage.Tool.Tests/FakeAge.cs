namespace Cage.Tool.Tests;

/// <summary>
/// Fault injection only: a script standing in for age that passes everything to the real binary except that
/// the Nth encryption exits 1 with a message, as a crash or a full disk would. Named Fake so no one mistakes it.
/// </summary>
public static class FakeAge
{
    public static string FailingOnNthEncrypt(string folder, int n)
    {
        var path = Path.Combine(folder, "FakeAge-fail-nth-encrypt.sh");
        var counter = Path.Combine(folder, "FakeAge.count");
        File.WriteAllText(path, $$"""
            #!/bin/sh
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
            exec {{Cage.Testing.AgeCli.AgePath}} "$@"
            """.Replace("\r\n", "\n"));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
