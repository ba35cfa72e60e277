using Cage.Adapter;
using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Identities;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Cage.Build.Tasks;

/// <summary>
/// Encrypts each item into its <c>OutputPath</c> metadata (the targets default it to <c>FILE.age</c>), with
/// <c>Armor</c> metadata for ASCII armor. A ciphertext whose plaintext and recipients did not change is kept
/// as it is (see <see cref="EncryptState"/>), only its timestamp is refreshed for incremental builds.
/// </summary>
public sealed class CageEncrypt : CageTaskBase
{
    /// <summary>The plaintext files; each has <c>OutputPath</c>, optionally <c>Armor</c>, <c>Recipients</c>, <c>RecipientsFile</c>.</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Project-level recipients (<c>CageRecipients</c>), separated by semicolons. Public keys only.</summary>
    public string? Recipients { get; set; }

    /// <summary>Project-level recipients files (<c>CageRecipientsFile</c>).</summary>
    public string[]? RecipientsFiles { get; set; }

    /// <summary>The <c>.cage/recipients</c> found above the project, if any: used when nothing more specific is set.</summary>
    public string? DefaultRecipientsFile { get; set; }

    /// <summary>Where to remember what each ciphertext was made from (a file in obj/); empty to always encrypt.</summary>
    public string? StateFile { get; set; }

    /// <summary>Identity files used only to check whether an existing ciphertext already holds the plaintext.</summary>
    public string[]? IdentityFiles { get; set; }

    /// <summary>The ciphertexts, with the input's metadata, <c>CageSource</c> and <c>CageChanged</c> (true when rewritten).</summary>
    [Output]
    public ITaskItem[] EncryptedFiles { get; private set; } = Array.Empty<ITaskItem>();

    private protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        if (Files.Length == 0)
            return true;
        IAgeEngine engine;
        try
        {
            engine = CreateEngine();
        }
        catch (CageException e)
        {
            LogCageError(e, Files[0].GetMetadata("FullPath"));
            return false;
        }
        var recipients = new RecipientSelection(Recipients, RecipientsFiles, DefaultRecipientsFile);
        var stateFile = string.IsNullOrWhiteSpace(StateFile) ? null : Path.GetFullPath(StateFile);
        var state = EncryptState.Load(stateFile);
        var identities = new Lazy<IReadOnlyList<IdentitySource>?>(TryResolveIdentities);
        var outcomes = ProcessAll(Files, (item, ct) => EncryptAsync(engine, recipients, state, identities, item, ct), cancellationToken);
        if (stateFile is not null)
            SaveState(state, stateFile, cancellationToken);
        EncryptedFiles = outcomes.Where(o => o.Result is not null).Select(o => o.Result!).ToArray();
        return outcomes.All(o => o.Error is null);
    }

    private static async Task<ItemOutcome> EncryptAsync(IAgeEngine engine, RecipientSelection recipients, EncryptState state,
        Lazy<IReadOnlyList<IdentitySource>?> identities, ITaskItem item, CancellationToken cancellationToken)
    {
        var input = item.GetMetadata("FullPath");
        var output = RequiredPath(item, "OutputPath");
        var options = EncryptOptions.ForRecipients(recipients.For(item), Armor(item));
        var settingsHash = EncryptState.HashText($"armor={options.Armor}\n{string.Join("\n", options.Recipients.Recipients.Select(r => r.Value).Order(StringComparer.Ordinal))}");
        var plaintextHash = EncryptState.HashFile(input);

        var unchanged = state.IsCurrent(output, plaintextHash, settingsHash)
            || await AlreadyHoldsAsync(engine, identities, input, output, cancellationToken).ConfigureAwait(false);
        if (unchanged)
        {
            // Same bytes as before: keep them (no git churn), but make the output newer than its input for MSBuild.
            File.SetLastWriteTimeUtc(output, DateTime.UtcNow);
        }
        else
        {
            CreateFolderFor(output);
            await engine.EncryptFileAsync(input, output, options, cancellationToken).ConfigureAwait(false);
        }
        state.Record(output, plaintextHash, settingsHash);

        var result = new TaskItem(output);
        item.CopyMetadataTo(result);
        result.SetMetadata("CageSource", input);
        result.SetMetadata("CageChanged", unchanged ? "false" : "true");
        var message = unchanged ? $"unchanged {item.ItemSpec} (kept {output})" : $"encrypted {item.ItemSpec} -> {output}";
        return ItemOutcome.Done(item, result, message);
    }

    /// <summary>
    /// With no trustworthy record (first build, fresh clone) but an identity at hand, decrypts the existing
    /// ciphertext and compares it with the plaintext, in memory. Any failure just means "encrypt again".
    /// Recipients cannot be read back from a ciphertext: after changing recipients on a machine without the
    /// record, touch the plaintext on one that has it, or delete the ciphertext.
    /// </summary>
    private static async Task<bool> AlreadyHoldsAsync(IAgeEngine engine, Lazy<IReadOnlyList<IdentitySource>?> identities, string input, string output, CancellationToken cancellationToken)
    {
        if (!File.Exists(output) || identities.Value is not { } sources)
            return false;
        try
        {
            await using var ciphertext = AgeFileOperations.OpenInput(output);
            await using var comparison = new PlaintextComparison(AgeFileOperations.OpenInput(input));
            await engine.DecryptAsync(ciphertext, comparison, DecryptOptions.ForIdentities(sources), cancellationToken).ConfigureAwait(false);
            return comparison.MatchedToEnd();
        }
        catch (CageException)
        {
            return false;
        }
    }

    /// <summary>The record is an optimisation: failing to write it costs a re-encryption later, not the build.</summary>
    private void SaveState(EncryptState state, string stateFile, CancellationToken cancellationToken)
    {
        try
        {
            state.SaveAsync(stateFile, cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is CageException or IOException or UnauthorizedAccessException)
        {
            Log.LogMessage(MessageImportance.Normal, "Cage: could not record encrypt state in {0}: {1}", stateFile, e.Message);
        }
    }

    private IReadOnlyList<IdentitySource>? TryResolveIdentities()
    {
        try
        {
            return IdentityResolver.Resolve(IdentityFiles, Environment);
        }
        catch (CageException)
        {
            return null;
        }
    }

    private static bool Armor(ITaskItem item)
    {
        var text = item.GetMetadata("Armor");
        if (string.IsNullOrWhiteSpace(text))
            return false;
        if (bool.TryParse(text.Trim(), out var armor))
            return armor;
        throw new CageException(CageErrorCode.InvalidConfiguration, $"Armor metadata of '{item.ItemSpec}' is '{text}'; use true or false");
    }
}
