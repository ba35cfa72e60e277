using System.Text;
using Cage.Adapter.Pty;

namespace Cage.Adapter.Passphrases;

/// <summary>
/// Watches age's terminal and answers each expected prompt exactly once, in order. Runs on its own thread
/// (terminal reads block). After the last answer it keeps draining the terminal, so age never blocks
/// writing to it, until <see cref="Stop"/>. If a prompt does not appear within the prompt timeout it reports
/// <see cref="PromptOutcome.TimedOut"/> and calls the timeout callback (which kills age).
/// </summary>
internal sealed class PromptResponder : IDisposable
{
    private const int PollMilliseconds = 25;
    private const int MaxPending = 4096;

    private readonly PseudoTerminal _terminal;
    private readonly Passphrase _passphrase;
    private readonly IReadOnlyList<string> _prompts;
    private readonly TimeSpan _timeout;
    private readonly Action _onTimeout;
    private readonly TaskCompletionSource<PromptOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private volatile bool _stopped;

    private PromptResponder(PseudoTerminal terminal, Passphrase passphrase, IReadOnlyList<string> prompts, TimeSpan timeout, Action onTimeout)
    {
        _terminal = terminal;
        _passphrase = passphrase;
        _prompts = prompts;
        _timeout = timeout;
        _onTimeout = onTimeout;
        _thread = new Thread(Run) { IsBackground = true, Name = "cage-prompt" };
    }

    /// <summary>How it ended (completes at the last answer, a timeout, or <see cref="Stop"/>).</summary>
    public Task<PromptOutcome> Outcome => _outcome.Task;

    /// <summary>How many prompts were answered.</summary>
    public int Answered { get; private set; }

    public static PromptResponder Start(PseudoTerminal terminal, Passphrase passphrase, IReadOnlyList<string> prompts, TimeSpan timeout, Action onTimeout)
    {
        var responder = new PromptResponder(terminal, passphrase, prompts, timeout, onTimeout);
        responder._thread.Start();
        return responder;
    }

    /// <summary>Stops watching and waits for the thread, so the terminal can be closed safely.</summary>
    public void Stop()
    {
        _stopped = true;
        if (Thread.CurrentThread != _thread)
            _thread.Join();
        _outcome.TrySetResult(PromptOutcome.Stopped);
    }

    public void Dispose() => Stop();

    private void Run()
    {
        try
        {
            Watch();
        }
        catch (Exception e)
        {
            _outcome.TrySetException(e);
        }
    }

    private void Watch()
    {
        var buffer = new byte[4096];
        var pending = "";
        var deadline = DateTime.UtcNow + _timeout;
        while (!_stopped)
        {
            var read = _terminal.Read(buffer, PollMilliseconds);
            if (Answered == _prompts.Count)
                continue; // all answered: just drain
            if (read > 0)
                pending += Encoding.Latin1.GetString(buffer, 0, read); // prompts are ASCII; Latin-1 never fails on split bytes
            var at = pending.IndexOf(_prompts[Answered], StringComparison.Ordinal);
            if (at >= 0)
            {
                pending = pending[(at + _prompts[Answered].Length)..];
                Answer();
                deadline = DateTime.UtcNow + _timeout;
                if (Answered == _prompts.Count)
                    _outcome.TrySetResult(PromptOutcome.AllAnswered);
            }
            else if (DateTime.UtcNow > deadline)
            {
                _outcome.TrySetResult(PromptOutcome.TimedOut);
                _onTimeout();
                return;
            }
            if (pending.Length > MaxPending)
                pending = pending[^MaxPending..];
        }
    }

    private void Answer()
    {
        var answer = TerminalAnswer.Encode(_passphrase);
        try
        {
            _terminal.Write(answer);
        }
        finally
        {
            Array.Clear(answer);
        }
        Answered++;
    }
}
