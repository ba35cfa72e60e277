namespace Cage.Adapter.Pty;

/// <summary>How a child ended: an exit code, or the signal that killed it.</summary>
/// <param name="ExitCode">The exit code, when the child exited normally.</param>
/// <param name="Signal">The signal number, when the child was killed by a signal.</param>
internal readonly record struct ExitStatus(int? ExitCode, int? Signal)
{
    /// <summary>Decodes a <c>waitpid</c> status word (same encoding on Linux and macOS).</summary>
    public static ExitStatus FromWaitStatus(int status)
    {
        var low = status & 0x7f;
        return low == 0 ? new ExitStatus((status >> 8) & 0xff, null) : new ExitStatus(null, low);
    }

    /// <summary>The shell convention: the exit code, or 128 + signal.</summary>
    public int ShellCode => ExitCode ?? 128 + (Signal ?? 0);

    /// <summary>True for exit code 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <inheritdoc />
    public override string ToString() => ExitCode is { } code ? $"exit code {code}" : $"signal {Signal}";
}
