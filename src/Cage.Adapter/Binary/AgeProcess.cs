using CliWrap;

namespace Cage.Adapter.Binary;

/// <summary>
/// Runs age once with CliWrap, streaming <c>input</c> into its stdin and its stdout into <c>output</c>
/// concurrently, with stderr captured up to a bound. Cancellation and timeouts kill age; failures become
/// <see cref="CageException"/>s. Secret-bearing environment variables are removed from the child.
/// </summary>
internal static class AgeProcess
{
    public static async Task RunAsync(
        AgeBinary age,
        IReadOnlyList<string> arguments,
        Stream input,
        Stream output,
        AgeRunSettings settings,
        CancellationToken cancellationToken)
    {
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (settings.Timeout is { } timeout)
            kill.CancelAfter(timeout);

        var stderr = new BoundedTextCapture();
        var probe = new OutputProbe();
        CageException? pumpFailure = null;

        void Fail(CageException? failure)
        {
            if (failure is null)
                return;
            pumpFailure ??= failure;
            kill.Cancel(); // our side failed: stop age rather than let it block on a full pipe
        }

        var command = Cli.Wrap(age.Path)
            .WithArguments(arguments)
            .WithEnvironmentVariables(env =>
            {
                foreach (var name in CageEnvironmentVariables.Secrets)
                    env.Set(name, null);
            })
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(PipeSource.Create(async (stdin, ct) =>
                Fail(await StreamPump.FeedAsync(input, stdin, settings.BufferSize, ct).ConfigureAwait(false))))
            .WithStandardOutputPipe(PipeTarget.Create(async (stdout, ct) =>
                Fail(await StreamPump.DrainAsync(stdout, output, probe, settings.BufferSize, ct, input).ConfigureAwait(false))))
            .WithStandardErrorPipe(PipeTarget.Create(stderr.DrainAsync));

        CommandResult result;
        try
        {
            result = await command.ExecuteAsync(kill.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw pumpFailure ?? new CageException(CageErrorCode.Timeout, $"{settings.Context ?? "age"} ran longer than {settings.Timeout}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new CageException(CageErrorCode.AgeNotFound, $"'{age.Path}' could not be started: {e.Message}", e);
        }

        if (pumpFailure is not null)
            throw pumpFailure;
        if (result.ExitCode != 0)
            throw AgeErrorClassifier.Classify(result.ExitCode, stderr.ToString(), settings.Context);
        if (settings.Operation == AgeOperation.Encrypt && !probe.LooksLikeAgeFile)
            throw new CageException(CageErrorCode.InvalidAgeOutput, $"{settings.Context ?? "age"}: age exited 0 but did not write an age file ({probe.BytesSeen} bytes)");
    }
}
