using Cage.Adapter.Batch;

namespace Cage.Tool.Output;

/// <summary>Prints per-file results of a batch as text lines or one JSON document, and picks the exit code.</summary>
internal static class BatchReport
{
    public static int Write(ToolConsole console, string command, string verb, IReadOnlyList<FileResult> results, bool json, bool quiet)
    {
        var failed = results.Count(r => !r.Succeeded);
        foreach (var result in results.Where(r => !r.Succeeded))
            console.WriteError(result.Error!);
        if (json)
        {
            JsonReport.Write(console, new
            {
                command,
                succeeded = results.Count - failed,
                failed,
                files = results.Select(r => new { path = r.Path, output = r.Output, ok = r.Succeeded, error = JsonReport.Error(r.Error) }),
            });
        }
        else if (!quiet && results.Count == 0)
        {
            console.Out.WriteLine($"no files to {command}");
        }
        else if (!quiet)
        {
            foreach (var result in results.Where(r => r.Succeeded))
                console.Out.WriteLine(result.Output is null || result.Output == result.Path ? $"{verb} {result.Path}" : $"{verb} {result.Path} -> {result.Output}");
            if (results.Count > 1 || failed > 0)
                console.Out.WriteLine($"{results.Count - failed} of {results.Count} file(s) {verb}{(failed > 0 ? $", {failed} failed" : "")}");
        }
        return ExitCodes.ForBatch(results.Count, failed);
    }
}
