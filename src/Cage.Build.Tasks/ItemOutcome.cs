using Cage.Adapter;
using Microsoft.Build.Framework;

namespace Cage.Build.Tasks;

/// <summary>What happened to one item: a result item to return, a line to log at normal verbosity, or an error.</summary>
internal sealed record ItemOutcome(ITaskItem Item, ITaskItem? Result, string? Message, CageException? Error)
{
    public static ItemOutcome Done(ITaskItem item, ITaskItem result, string message) => new(item, result, message, null);

    public static ItemOutcome Failed(ITaskItem item, CageException error) => new(item, null, null, error);
}
