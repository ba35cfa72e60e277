using Cage.Adapter.Batch;
using Cage.Adapter.Passphrases;
using Cage.Adapter;
using Cage.Adapter.Engines;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Cage.Build.Tasks;

/// <summary>
/// What CageDecrypt and CageEncrypt share: locating age, the streaming settings, bounded parallel work over the
/// items, cancellation and coded diagnostics. Holds no static state: MSBuild nodes live long and are reused.
/// </summary>
public abstract class CageTaskBase : MSBuildTask, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The age binary; empty to use CAGE_AGE_PATH, then PATH.</summary>
    public string? AgePath { get; set; }

    /// <summary>Passphrase streaming strategy: pipe, tempfile or auto (empty means auto).</summary>
    public string? StreamingStrategy { get; set; }

    /// <summary>auto, age or managed (empty: CAGE_ENGINE, else auto = the age binary when found, else in-process).</summary>
    public string? Engine { get; set; }

    /// <summary>How many items to process at once; 0 means the default (three per processor), negative is CAGE029.</summary>
    public int MaxParallelism { get; set; }

    /// <summary>Where environment variables (identities, CAGE_AGE_PATH) are read from. Tests inject their own.</summary>
    internal CageEnvironment Environment { get; set; } = CageEnvironment.Process;

    /// <inheritdoc />
    public void Cancel() => _cancellation.Cancel();

    /// <inheritdoc />
    public sealed override bool Execute()
    {
        try
        {
            return ExecuteCore(_cancellation.Token) && !Log.HasLoggedErrors;
        }
        catch (CageException e)
        {
            LogCageError(e, file: null);
            return false;
        }
        catch (OperationCanceledException)
        {
            Log.LogMessage(MessageImportance.High, "Cage: cancelled");
            return false;
        }
    }

    /// <summary>The task's work; throw <see cref="CageException"/> for errors that concern no single item.</summary>
    private protected abstract bool ExecuteCore(CancellationToken cancellationToken);

    /// <summary>Picks the engine and locates age if it is used (after validating the settings), so a missing binary is reported once.</summary>
    private protected IAgeEngine CreateEngine()
    {
        // Empty means "not set": CAGE_STREAMING_STRATEGY, else auto. Recipient and identity work ignore it.
        var strategy = string.IsNullOrWhiteSpace(StreamingStrategy)
            ? (StreamingStrategy?)null
            : StreamingStrategies.Parse(StreamingStrategy, "CageStreamingStrategy");
        return EngineSelector.Create(Engine, new AgeBinaryEngineOptions
        {
            AgePath = string.IsNullOrWhiteSpace(AgePath) ? null : AgePath,
            Environment = Environment,
            Strategy = strategy,
        });
    }

    /// <summary>
    /// Runs <paramref name="work"/> for every item, at most <see cref="MaxParallelism"/> at once, then logs the
    /// outcomes in item order from this thread (so the log reads the same whatever finished first).
    /// </summary>
    private protected IReadOnlyList<ItemOutcome> ProcessAll(IReadOnlyList<ITaskItem> items, Func<ITaskItem, CancellationToken, Task<ItemOutcome>> work, CancellationToken cancellationToken)
    {
        if (MaxParallelism < 0)
            throw new CageException(CageErrorCode.InvalidConfiguration, $"CageMaxParallelism is {MaxParallelism}; use 0 (the default: three per processor) or a positive number");
        var outcomes = new ItemOutcome[items.Count];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = MaxParallelism > 0 ? MaxParallelism : BatchRunner.DefaultParallelism,
            CancellationToken = cancellationToken,
        };
        Parallel.ForEachAsync(Enumerable.Range(0, items.Count), options, async (index, ct) =>
        {
            try
            {
                outcomes[index] = await work(items[index], ct).ConfigureAwait(false);
            }
            catch (CageException e)
            {
                outcomes[index] = ItemOutcome.Failed(items[index], e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // File system trouble outside the adapter's own mapping (e.g. refreshing a timestamp): still one
                // coded error against the item instead of an MSBuild task crash.
                outcomes[index] = ItemOutcome.Failed(items[index], new CageException(CageErrorCode.OutputNotWritable, e.Message, e));
            }
        }).GetAwaiter().GetResult();

        foreach (var outcome in outcomes)
            Report(outcome);
        return outcomes;
    }

    private void Report(ItemOutcome outcome)
    {
        if (outcome.Error is { } error)
            LogCageError(error, outcome.Item.GetMetadata("FullPath"));
        else if (outcome.Message is { } message)
            Log.LogMessage(MessageImportance.Normal, "Cage: {0}", message);
    }

    /// <summary>Logs a coded error (CAGE0xx) against <paramref name="file"/> with its hint. Never includes secrets.</summary>
    private protected void LogCageError(CageException error, string? file) =>
        Log.LogError(
            subcategory: "Cage",
            errorCode: error.CodeId,
            helpKeyword: error.CodeId,
            file: file,
            lineNumber: 0,
            columnNumber: 0,
            endLineNumber: 0,
            endColumnNumber: 0,
            message: "{0} (hint: {1})",
            error.Message,
            error.Hint);

    /// <summary>Logs a coded warning (e.g. CAGE060 for a key file others can read) with its hint.</summary>
    private protected void LogCageWarning(CageWarning warning, string? file) =>
        Log.LogWarning(
            subcategory: "Cage",
            warningCode: warning.CodeId,
            helpKeyword: warning.CodeId,
            file: file,
            lineNumber: 0,
            columnNumber: 0,
            endLineNumber: 0,
            endColumnNumber: 0,
            message: "{0} (hint: {1})",
            warning.Message,
            warning.Hint);

    /// <summary>The required full path in an item's metadata, e.g. the computed <c>OutputPath</c>.</summary>
    private protected static string RequiredPath(ITaskItem item, string metadataName)
    {
        var value = item.GetMetadata(metadataName);
        if (string.IsNullOrWhiteSpace(value))
            throw new CageException(CageErrorCode.InvalidConfiguration, $"item '{item.ItemSpec}' has no {metadataName} metadata");
        return Path.GetFullPath(value);
    }

    /// <summary>Creates the folder that will hold <paramref name="path"/>.</summary>
    private protected static void CreateFolderFor(string path)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CageException(CageErrorCode.OutputNotWritable, $"cannot create the folder of '{path}': {e.Message}", e);
        }
    }
}
