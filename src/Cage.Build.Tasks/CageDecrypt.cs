using Cage.Adapter;
using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Identities;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Cage.Build.Tasks;

/// <summary>
/// Decrypts each item into its <c>OutputPath</c> metadata (a full path the targets compute, normally under obj/).
/// Identities come from <see cref="IdentityFiles"/>, else CAGE_IDENTITY / CAGE_IDENTITY_FILE read here from the
/// environment, else the default user key file: identity contents are never a task parameter (binlogs keep those).
/// </summary>
public sealed class CageDecrypt : CageTaskBase
{
    /// <summary>The encrypted files; each has <c>OutputPath</c> metadata.</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Identity file paths (from <c>CageIdentityFile</c>); when set, the environment is not consulted.</summary>
    public string[]? IdentityFiles { get; set; }

    /// <summary>The decrypted files, with the input's metadata and <c>CageSource</c> naming the encrypted file.</summary>
    [Output]
    public ITaskItem[] DecryptedFiles { get; private set; } = Array.Empty<ITaskItem>();

    private protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        if (Files.Length == 0)
            return true;
        IAgeEngine engine;
        DecryptOptions options;
        try
        {
            engine = CreateEngine();
            var identities = IdentityResolver.Resolve(IdentityFiles, Environment);
            foreach (var warning in IdentityPermissions.Check(identities))
                LogCageWarning(warning, file: null);
            options = DecryptOptions.ForIdentities(identities);
        }
        catch (CageException e)
        {
            // Concerns every item: reported once, against the first one.
            LogCageError(e, Files[0].GetMetadata("FullPath"));
            return false;
        }
        var outcomes = ProcessAll(Files, (item, ct) => DecryptAsync(engine, options, item, ct), cancellationToken);
        DecryptedFiles = outcomes.Where(o => o.Result is not null).Select(o => o.Result!).ToArray();
        return outcomes.All(o => o.Error is null);
    }

    private static async Task<ItemOutcome> DecryptAsync(IAgeEngine engine, DecryptOptions options, ITaskItem item, CancellationToken cancellationToken)
    {
        var input = item.GetMetadata("FullPath");
        var output = RequiredPath(item, "OutputPath");
        CreateFolderFor(output);
        await engine.DecryptFileAsync(input, output, options, cancellationToken).ConfigureAwait(false);
        var result = new TaskItem(output);
        item.CopyMetadataTo(result);
        result.SetMetadata("CageSource", input);
        return ItemOutcome.Done(item, result, $"decrypted {item.ItemSpec} -> {output}");
    }
}
