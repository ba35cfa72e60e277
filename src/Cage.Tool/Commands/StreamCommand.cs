using Cage.Adapter;
using Cage.Adapter.Files;
using Cage.Tool.Output;

namespace Cage.Tool.Commands;

/// <summary>
/// The streaming core of <c>encrypt</c> and <c>decrypt</c>: input from a file or stdin, output to an atomic
/// file (<c>-o</c>) or stdout, a progress bar for large files on a terminal.
/// </summary>
internal static class StreamCommand
{
    public delegate Task Operation(Stream input, Stream output, CancellationToken cancellationToken);

    public static async Task<int> RunAsync(ToolConsole console, string? inputPath, string? outputPath, bool quiet, Operation operation, UnixFileMode? outputMode)
    {
        var fromStdin = inputPath is null or "-";
        var toStdout = outputPath is null or "-";
        try
        {
            await using var rawInput = fromStdin ? console.OpenStdin() : AgeFileOperations.OpenInput(inputPath!);
            using var progress = ProgressBar.Create(console, quiet, fromStdin ? 0 : rawInput.Length, 1);
            await using Stream input = progress is null ? rawInput : new ProgressReadStream(rawInput, progress);
            if (toStdout)
            {
                await using var stdout = console.OpenStdout();
                await operation(input, stdout, CancellationToken.None);
                await stdout.FlushAsync();
            }
            else
            {
                await using var output = AtomicFile.Create(outputPath!, outputMode);
                await operation(input, output.Stream, CancellationToken.None);
                await output.CommitAsync();
            }
            progress?.FileDone(0); // the final 100% frame, even when the work took less than one redraw interval
        }
        catch (CageException e) when (!fromStdin && e.Detail?.StartsWith($"'{inputPath}'", StringComparison.Ordinal) != true)
        {
            throw e.WithContext(inputPath!);
        }
        return ExitCodes.Success;
    }
}
