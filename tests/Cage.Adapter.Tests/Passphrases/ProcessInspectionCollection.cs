namespace Cage.Adapter.Tests.Passphrases;

/// <summary>
/// Tests that look at this process's age children or change process-wide environment variables run alone:
/// otherwise another test's age would show up in /proc, or see the variables.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProcessInspectionCollection
{
    public const string Name = "Process inspection (serial)";
}
