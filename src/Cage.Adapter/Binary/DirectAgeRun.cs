using System.ComponentModel;
using Cage.Adapter.Pty;

namespace Cage.Adapter.Binary;

/// <summary>
/// Runs age once with <see cref="DirectFiles"/> as its stdin and stdout (posix_spawn, no pumps) and its stderr
/// captured up to a bound. Same contract as <see cref="AgeProcess"/>: cancellation and the timeout kill age,
/// failures become <see cref="CageException"/>s, secret-bearing variables never reach the child, and age is
/// reaped before this returns.
/// </summary>
internal static class DirectAgeRun
{
    public static async Task RunAsync(AgeBinary age, IReadOnlyList<string> arguments, DirectFiles files, AgeRunSettings settings, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var stderrPipe = UnixPipe.FromChild();
        await using var stderrStream = stderrPipe.OpenOurEnd();
        var stderr = new BoundedTextCapture();
        // The thread that waits for age reads its stderr first (blocking, to EOF): no asynchronous pipe read per run.
        using var process = Spawn(age, arguments, files, stderrPipe, () => stderr.Drain(stderrStream));
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var registration = kill.Token.Register(process.Kill).ConfigureAwait(false);
        if (settings.Timeout is { } timeout)
            kill.CancelAfter(timeout);

        var status = await WaitForExitAsync(process).ConfigureAwait(false);

        cancellationToken.ThrowIfCancellationRequested();
        if (kill.IsCancellationRequested && !status.Succeeded)
            throw new CageException(CageErrorCode.Timeout, $"{settings.Context ?? "age"} ran longer than {settings.Timeout}");
        if (!status.Succeeded)
            throw AgeErrorClassifier.Classify(status.ShellCode, stderr.ToString(), settings.Context);
        files.Complete();
        if (settings.Operation == AgeOperation.Encrypt && files.ProbeOutput() is { LooksLikeAgeFile: false } probe)
            throw new CageException(CageErrorCode.InvalidAgeOutput, $"{settings.Context ?? "age"}: age exited 0 but did not write an age file ({probe.BytesSeen} bytes)");
    }

    private static SpawnedProcess Spawn(AgeBinary age, IReadOnlyList<string> arguments, DirectFiles files, UnixPipe stderr, Action drainStderr)
    {
        var info = new SpawnStartInfo(age.Path, arguments, ChildEnvironment.WithoutSecrets(),
            ChildStream.FromDescriptor(files.InputDescriptor),
            ChildStream.FromDescriptor(files.OutputDescriptor),
            ChildStream.FromDescriptor(stderr.ChildEnd));
        try
        {
            return SpawnedProcess.Start(info, terminal: null, drainStderr);
        }
        catch (Win32Exception e)
        {
            throw new CageException(CageErrorCode.AgeNotFound, $"'{age.Path}' could not be started: {e.Message}", e);
        }
        finally
        {
            stderr.CloseChildEnd(); // only age may hold it now, so our read ends when age does
        }
    }

    private static async Task<ExitStatus> WaitForExitAsync(SpawnedProcess process)
    {
        try
        {
            return await process.Exited.ConfigureAwait(false);
        }
        catch (Win32Exception e)
        {
            throw new CageException(CageErrorCode.AgeFailed, $"could not learn how age ended: {e.Message}", e);
        }
    }
}
