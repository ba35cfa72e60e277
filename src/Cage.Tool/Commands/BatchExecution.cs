using Cage.Adapter.Batch;
using Cage.Tool.Output;

namespace Cage.Tool.Commands;

/// <summary>Runs a per-file operation over a batch with the progress bar (terminal only) moving per file; Ctrl+C cancels it cleanly.</summary>
internal static class BatchExecution
{
    public static async Task<IReadOnlyList<FileResult>> RunAsync(ToolConsole console, IReadOnlyList<string> files, bool quiet, Func<string, CancellationToken, Task<string?>> operation)
    {
        var totalBytes = files.Sum(f => File.Exists(f) ? new FileInfo(f).Length : 0);
        using var progress = ProgressBar.Create(console, quiet, totalBytes, files.Count);
        using var interruption = Interruption.Listen();
        return await BatchRunner.RunAsync(files, operation, onFileDone: r => progress?.FileDone(r.Bytes), cancellationToken: interruption.Token);
    }
}
