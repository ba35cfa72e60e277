using System.Runtime.InteropServices;

namespace Cage.Tool;

/// <summary>
/// While file work runs, the first SIGINT (Ctrl+C) or SIGTERM cancels it instead of ending the process on the
/// spot: age is killed, temp files are removed, destinations stay whole, and the tool exits non-zero. A second
/// signal takes the default action (ends the process at once). Outside a scope (e.g. at a passphrase prompt)
/// signals keep their default action. Used by lock, unlock, verify and rotate, whose prompts come before the work.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    private Interruption()
    {
        _registrations = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }
            .Select(signal => PosixSignalRegistration.Create(signal, Handle))
            .ToArray();
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Starts catching signals until disposed.</summary>
    public static Interruption Listen() => new();

    private void Handle(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested)
            return; // second signal: let it end the process
        context.Cancel = true;
        _source.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
        _source.Dispose();
    }
}
