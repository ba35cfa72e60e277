using System.Collections;
using Microsoft.Build.Framework;

namespace Cage.Build.Tasks.Tests.Infrastructure;

/// <summary>Collects what a task logs, so tests can assert error codes, files and verbosity.</summary>
public sealed class FakeBuildEngine : IBuildEngine
{
    private readonly object _gate = new();

    public List<BuildErrorEventArgs> Errors { get; } = new();
    public List<BuildWarningEventArgs> Warnings { get; } = new();
    public List<BuildMessageEventArgs> Messages { get; } = new();

    public IReadOnlyList<string> ErrorCodes => Errors.Select(e => e.Code).ToList();

    /// <summary>Every logged text, for "no secret in any log" checks.</summary>
    public string AllText => string.Join("\n", Errors.Select(e => $"{e.Code} {e.File} {e.Message}")
        .Concat(Warnings.Select(w => w.Message)).Concat(Messages.Select(m => m.Message)));

    public bool ContinueOnError => false;
    public int LineNumberOfTaskNode => 0;
    public int ColumnNumberOfTaskNode => 0;
    public string ProjectFileOfTaskNode => "test.csproj";

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException();

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public void LogErrorEvent(BuildErrorEventArgs e)
    {
        lock (_gate)
            Errors.Add(e);
    }

    public void LogMessageEvent(BuildMessageEventArgs e)
    {
        lock (_gate)
            Messages.Add(e);
    }

    public void LogWarningEvent(BuildWarningEventArgs e)
    {
        lock (_gate)
            Warnings.Add(e);
    }
}
