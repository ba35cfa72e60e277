using System.ComponentModel;
using Cage.Adapter.Binary;
using Cage.Adapter.Pty;

namespace Cage.Adapter.Passphrases;

/// <summary>
/// Runs age once with a pseudo-terminal as its controlling terminal (where it asks for the passphrase) while
/// stdin, stdout and stderr are pipes: input is fed, output drained, stderr captured and prompts answered,
/// all at once (age -d only prompts after reading the header, so data must already flow). Cancellation, the
/// run timeout and the prompt timeout kill age; on every path age is reaped before this returns.
/// </summary>
internal static class PtyAgeRun
{
    /// <param name="age">The age binary.</param>
    /// <param name="arguments">argv after the program name; never secrets.</param>
    /// <param name="passphrase">Written only to the terminal master.</param>
    /// <param name="input">Fed to age's stdin; null for /dev/null.</param>
    /// <param name="output">Receives age's stdout; null to discard it.</param>
    /// <param name="probe">Watches age's stdout (for the "is this an age file" check on encrypt).</param>
    /// <param name="settings">Operation, buffers and timeouts.</param>
    /// <param name="cancellationToken">Kills age when cancelled.</param>
    public static async Task RunAsync(AgeBinary age, IReadOnlyList<string> arguments, Passphrase passphrase, Stream? input, Stream? output,
        OutputProbe probe, PassphraseRunSettings settings, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var terminal = PseudoTerminal.Open(echo: false);
        using var stdin = input is null ? null : UnixPipe.ToChild();
        using var stdout = UnixPipe.FromChild();
        using var stderr = UnixPipe.FromChild();
        using var process = Spawn(age, arguments, terminal, stdin, stdout, stderr);

        CageException? failure = null;
        void Fail(CageException? problem)
        {
            if (problem is null)
                return;
            Interlocked.CompareExchange(ref failure, problem, null);
            process.Kill(); // our side failed: stop age rather than let it block on a full pipe
        }

        using var kill = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (settings.Timeout is { } timeout)
            kill.CancelAfter(timeout);
        using var killRegistration = kill.Token.Register(process.Kill);
        var prompts = AgePrompts.For(settings.Operation);
        using var responder = PromptResponder.Start(terminal, passphrase, prompts, settings.PromptTimeout,
            () => Fail(new CageException(CageErrorCode.PromptTimeout,
                $"age did not ask for the passphrase within {settings.PromptTimeout.TotalSeconds:0.#} s")));

        var capture = new BoundedTextCapture();
        await using var stdoutStream = stdout.OpenOurEnd();
        await using var stderrStream = stderr.OpenOurEnd();
        var feeding = input is null ? Task.FromResult<CageException?>(null) : FeedAndCloseAsync(input, stdin!.OpenOurEnd(), settings.BufferSize, kill.Token);
        var draining = StreamPump.DrainAsync(stdoutStream, output ?? Stream.Null, probe, settings.BufferSize, CancellationToken.None);
        var capturing = capture.DrainAsync(stderrStream, CancellationToken.None);

        Fail(await draining.ConfigureAwait(false)); // ends at EOF: age (and its whole group) exited or was killed
        await capturing.ConfigureAwait(false);
        var status = await process.Exited.ConfigureAwait(false);
        var timedOut = kill.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
        kill.Cancel(); // releases a feeder still waiting on our input
        Fail(await feeding.ConfigureAwait(false));
        responder.Stop();

        cancellationToken.ThrowIfCancellationRequested();
        if (failure is not null)
            throw failure;
        if (timedOut && !status.Succeeded)
            throw new CageException(CageErrorCode.Timeout, $"{Context(settings)} ran longer than {settings.Timeout}");
        if (!status.Succeeded)
            throw AgeErrorClassifier.Classify(status.ShellCode, capture.ToString());
        if (responder.Answered < prompts.Count)
            throw new CageException(CageErrorCode.InvalidAgeOutput, $"age exited without asking for the passphrase ({responder.Answered} of {prompts.Count} prompts seen)");
        if (settings.Operation == AgeOperation.Encrypt && output is not null && !probe.LooksLikeAgeFile)
            throw new CageException(CageErrorCode.InvalidAgeOutput, $"age exited 0 but did not write an age file ({probe.BytesSeen} bytes)");
    }

    private static string Context(PassphraseRunSettings settings) => settings.Operation == AgeOperation.Encrypt ? "age -p" : "age -d";

    private static PtyProcess Spawn(AgeBinary age, IReadOnlyList<string> arguments, PseudoTerminal terminal, UnixPipe? stdin, UnixPipe stdout, UnixPipe stderr)
    {
        var info = new PtyStartInfo(age.Path, arguments, ChildEnvironment.WithoutSecrets(),
            stdin is null ? ChildStream.Null : ChildStream.FromDescriptor(stdin.ChildEnd),
            ChildStream.FromDescriptor(stdout.ChildEnd),
            ChildStream.FromDescriptor(stderr.ChildEnd));
        try
        {
            return PtyProcess.Start(info, terminal);
        }
        catch (Win32Exception e)
        {
            throw new CageException(CageErrorCode.AgeNotFound, $"'{age.Path}' could not be started: {e.Message}", e);
        }
        finally
        {
            // Only the child may hold these ends now: EOF and EPIPE depend on it.
            stdin?.CloseChildEnd();
            stdout.CloseChildEnd();
            stderr.CloseChildEnd();
        }
    }

    private static async Task<CageException?> FeedAndCloseAsync(Stream input, Stream ageStdin, int bufferSize, CancellationToken cancellationToken)
    {
        try
        {
            return await StreamPump.FeedAsync(input, ageStdin, bufferSize, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null; // age was stopped; the caller reports why
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
}
