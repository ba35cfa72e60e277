using System.Collections;
using Microsoft.Build.Framework;

namespace Cage.Benchmarks;

/// <summary>Hosts a task in-process so the benchmark times the task itself, not MSBuild's start-up.</summary>
internal sealed class QuietBuildEngine : IBuildEngine
{
    public List<string> Errors { get; } = new();
    public bool ContinueOnError => false;
    public int LineNumberOfTaskNode => 0;
    public int ColumnNumberOfTaskNode => 0;
    public string ProjectFileOfTaskNode => "benchmark.csproj";
    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => throw new NotSupportedException();
    public void LogCustomEvent(CustomBuildEventArgs e) { }
    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add($"{e.Code}: {e.Message}");
    public void LogMessageEvent(BuildMessageEventArgs e) { }
    public void LogWarningEvent(BuildWarningEventArgs e) { }
}
