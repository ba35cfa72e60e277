using Cage.Adapter;
using Cage.Adapter.Recipients;
using Microsoft.Build.Framework;

namespace Cage.Build.Tasks;

/// <summary>
/// Chooses an item's recipients, most specific first: the item's <c>Recipients</c> / <c>RecipientsFile</c>
/// metadata; else the project's <c>CageRecipients</c> / <c>CageRecipientsFile</c>; else the default
/// <c>.cage/recipients</c> found above the project. Levels do not mix: a more specific one replaces the rest.
/// </summary>
internal sealed class RecipientSelection
{
    private readonly string? _projectRecipients;
    private readonly IReadOnlyList<string> _projectFiles;
    private readonly string? _defaultFile;

    public RecipientSelection(string? projectRecipients, IEnumerable<string>? projectFiles, string? defaultFile)
    {
        _projectRecipients = projectRecipients;
        _projectFiles = Paths(projectFiles ?? Array.Empty<string>());
        _defaultFile = string.IsNullOrWhiteSpace(defaultFile) ? null : Path.GetFullPath(defaultFile);
    }

    /// <summary>The recipients for <paramref name="item"/>; throws a coded error when none or invalid.</summary>
    public RecipientSet For(ITaskItem item)
    {
        var itemRecipients = item.GetMetadata("Recipients");
        var itemFiles = Paths(item.GetMetadata("RecipientsFile").Split(';'));
        if (!string.IsNullOrWhiteSpace(itemRecipients) || itemFiles.Count > 0)
            return Build(itemRecipients, itemFiles, "the item's Recipients metadata");
        if (!string.IsNullOrWhiteSpace(_projectRecipients) || _projectFiles.Count > 0)
            return Build(_projectRecipients, _projectFiles, "CageRecipients");
        if (_defaultFile is not null)
            return Build(null, new[] { _defaultFile }, null);
        throw new CageException(CageErrorCode.NoRecipients,
            "no Recipients or RecipientsFile metadata, no CageRecipients or CageRecipientsFile property, and no .cage/recipients above the project",
            hint: "add .cage/recipients (one age1... key per line) beside or above the project, or set Recipients metadata on the item");
    }

    private static RecipientSet Build(string? recipients, IReadOnlyList<string> files, string? source)
    {
        var set = RecipientSet.Empty;
        foreach (var recipient in (recipients ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            set = set.Add(recipient, source);
        foreach (var file in files)
            set = set.AddFile(file);
        return set.EnsureNotEmpty();
    }

    private static IReadOnlyList<string> Paths(IEnumerable<string> paths) =>
        paths.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Path.GetFullPath(p.Trim())).ToList();
}
