using System.ComponentModel;
using Cage.Adapter.Binary;
using Cage.Adapter.Pty;

namespace Cage.Adapter.Passphrases;

/// <summary>
/// Runs age once with a pseudo-terminal as its controlling terminal (where it asks for the passphrase) while
/// stdin, stdout and stderr are pipes: input is fed, output drained, stderr captured and prompts answered,
/// all at once (age -d only prompts after reading the header, so data must already flow). When input and output
/// are both files, age gets them as stdin and stdout instead (<see cref="DirectFiles"/>) and only stderr and the
/// terminal are ours to serve. Cancellation, the
/// run timeout and the prompt timeout kill age; on every path age is reaped before this returns.
/// </summary>
internal sealed class PtyAgeRun : IDisposable
{
    private readonly PassphraseRunSettings _settings;
    private readonly IReadOnlyList<string> _prompts;
    private readonly PseudoTerminal _terminal;
    private readonly UnixPipe? _stdin;
    private readonly UnixPipe? _stdout;
    private readonly DirectFiles? _files;
    private readonly UnixPipe _stderr;
    private readonly SpawnedProcess _process;
    private readonly CancellationTokenSource _kill;
    private readonly CancellationTokenRegistration _killRegistration;
    private readonly PromptResponder _responder;
    private readonly BoundedTextCapture _stderrText = new();
    private CageException? _failure;

    private PtyAgeRun(AgeBinary age, IReadOnlyList<string> arguments, Passphrase passphrase, bool feedsInput, DirectFiles? files, PassphraseRunSettings settings, CancellationToken cancellationToken)
    {
        _settings = settings;
        _files = files;
        _prompts = AgePrompts.For(settings.Operation);
        _kill = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            _terminal = PseudoTerminal.Open(echo: false);
            _stdin = feedsInput && files is null ? UnixPipe.ToChild() : null;
            _stdout = files is null ? UnixPipe.FromChild() : null;
            _stderr = UnixPipe.FromChild();
            _process = Spawn(age, arguments);
            if (settings.Timeout is { } timeout)
                _kill.CancelAfter(timeout);
            _killRegistration = _kill.Token.Register(_process.Kill);
            _responder = PromptResponder.Start(_terminal, passphrase, _prompts, settings.PromptTimeout, () => Fail(PromptTimedOut()));
        }
        catch
        {
            // Whatever was made so far goes: a spawned age is killed and reaped, descriptors closed.
            _process?.Dispose();
            _kill.Dispose();
            DisposePipesAndTerminal();
            throw;
        }
    }

    /// <param name="age">The age binary.</param>
    /// <param name="arguments">argv after the program name; never secrets.</param>
    /// <param name="passphrase">Written only to the terminal master.</param>
    /// <param name="input">Fed to age's stdin; null for /dev/null.</param>
    /// <param name="output">Receives age's stdout; null to discard it (and skip the age-file check).</param>
    /// <param name="settings">Operation, buffers and timeouts.</param>
    /// <param name="cancellationToken">Kills age when cancelled.</param>
    public static async Task RunAsync(AgeBinary age, IReadOnlyList<string> arguments, Passphrase passphrase, Stream? input, Stream? output,
        PassphraseRunSettings settings, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var files = settings.DirectFiles ? DirectFiles.TryCreate(input, output) : null;
        using var run = new PtyAgeRun(age, arguments, passphrase, input is not null, files, settings, cancellationToken);
        var probe = new OutputProbe();
        var status = files is null
            ? await run.PumpUntilExitAsync(input, output ?? Stream.Null, probe).ConfigureAwait(false)
            : await run.ServeUntilExitAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        run.ThrowIfFailed(status);
        files?.Complete();
        if (files is { HasOutput: true })
            probe = files.ProbeOutput();
        if (settings.Operation == AgeOperation.Encrypt && output is not null && !probe.LooksLikeAgeFile)
            throw new CageException(CageErrorCode.InvalidAgeOutput, $"age exited 0 but did not write an age file ({probe.BytesSeen} bytes)");
    }

    /// <summary>With files as age's stdin and stdout: captures stderr until age has exited; returns how it ended.</summary>
    private async Task<ExitStatus> ServeUntilExitAsync()
    {
        await using (var stderr = _stderr.OpenOurEnd())
            await _stderrText.DrainAsync(stderr, CancellationToken.None).ConfigureAwait(false); // ends at EOF once age's group is gone
        var status = await WaitForExitAsync().ConfigureAwait(false);
        TimedOut = _kill.IsCancellationRequested;
        _responder.Stop();
        return status;
    }

    /// <summary>Moves data both ways until age has exited and its pipes are drained; returns how it ended.</summary>
    private async Task<ExitStatus> PumpUntilExitAsync(Stream? input, Stream output, OutputProbe probe)
    {
        await using var stdout = _stdout!.OpenOurEnd();
        await using var stderr = _stderr.OpenOurEnd();
        var feeding = input is null ? Task.FromResult<CageException?>(null) : FeedAndCloseAsync(input, _stdin!.OpenOurEnd());
        var capturing = _stderrText.DrainAsync(stderr, CancellationToken.None); // ends at EOF once age's group is gone
        Fail(await DrainAsync(stdout, output, probe).ConfigureAwait(false));
        await capturing.ConfigureAwait(false);
        var status = await WaitForExitAsync().ConfigureAwait(false);
        TimedOut = _kill.IsCancellationRequested;
        _kill.Cancel(); // releases a feeder still waiting on our input
        Fail(await feeding.ConfigureAwait(false));
        _responder.Stop();
        return status;
    }

    private bool TimedOut { get; set; }

    private void ThrowIfFailed(ExitStatus status)
    {
        if (_failure is not null)
            throw _failure;
        if (TimedOut && !status.Succeeded)
            throw new CageException(CageErrorCode.Timeout, $"age ran longer than {_settings.Timeout}");
        if (!status.Succeeded)
            throw AgeErrorClassifier.Classify(status.ShellCode, _stderrText.ToString());
        if (_responder.Answered == _prompts.Count)
            return;
        if (_responder.Outcome.Exception?.InnerException is { } terminalError)
            throw new CageException(CageErrorCode.AgeFailed, $"could not answer age on its terminal: {terminalError.Message}", terminalError);
        throw new CageException(CageErrorCode.InvalidAgeOutput, $"age exited without asking for the passphrase ({_responder.Answered} of {_prompts.Count} prompts seen)");
    }

    private async Task<CageException?> DrainAsync(Stream stdout, Stream output, OutputProbe probe)
    {
        try
        {
            return await StreamPump.DrainAsync(stdout, output, probe, _settings.BufferSize, _kill.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null; // timeout or cancellation: age is being killed and the caller reports why
        }
    }

    private async Task<CageException?> FeedAndCloseAsync(Stream input, Stream ageStdin)
    {
        try
        {
            return await StreamPump.FeedAsync(input, ageStdin, _settings.BufferSize, _kill.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        finally
        {
            try
            {
                await ageStdin.DisposeAsync().ConfigureAwait(false); // EOF for age
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task<ExitStatus> WaitForExitAsync()
    {
        try
        {
            return await _process.Exited.ConfigureAwait(false);
        }
        catch (Win32Exception e)
        {
            throw new CageException(CageErrorCode.AgeFailed, $"could not learn how age ended: {e.Message}", e);
        }
    }

    private void Fail(CageException? problem)
    {
        if (problem is null)
            return;
        Interlocked.CompareExchange(ref _failure, problem, null);
        _process.Kill(); // our side failed: stop age rather than let it block on a full pipe
    }

    private CageException PromptTimedOut() => new(CageErrorCode.PromptTimeout,
        $"age did not ask for the passphrase within {_settings.PromptTimeout.TotalSeconds:0.#} s");

    private SpawnedProcess Spawn(AgeBinary age, IReadOnlyList<string> arguments)
    {
        var info = new SpawnStartInfo(age.Path, arguments, ChildEnvironment.WithoutSecrets(),
            _files is not null ? ChildStream.FromDescriptor(_files.InputDescriptor)
                : _stdin is null ? ChildStream.Null : ChildStream.FromDescriptor(_stdin.ChildEnd),
            _files is null ? ChildStream.FromDescriptor(_stdout!.ChildEnd)
                : _files.HasOutput ? ChildStream.FromDescriptor(_files.OutputDescriptor) : ChildStream.Null,
            ChildStream.FromDescriptor(_stderr.ChildEnd));
        try
        {
            return SpawnedProcess.Start(info, _terminal);
        }
        catch (Win32Exception e)
        {
            throw new CageException(CageErrorCode.AgeNotFound, $"'{age.Path}' could not be started: {e.Message}", e);
        }
        finally
        {
            // Only the child may hold these ends now: end-of-file and EPIPE depend on it.
            _stdin?.CloseChildEnd();
            _stdout?.CloseChildEnd();
            _stderr.CloseChildEnd();
        }
    }

    /// <summary>Kills age if it still runs, reaps it, then closes the terminal (kept open until the child is gone).</summary>
    public void Dispose()
    {
        _responder.Stop();
        _killRegistration.Dispose();
        _process.Dispose();
        _kill.Dispose();
        DisposePipesAndTerminal();
    }

    private void DisposePipesAndTerminal()
    {
        _stdin?.Dispose();
        _stdout?.Dispose();
        _stderr?.Dispose();
        _terminal?.Dispose();
    }
}
