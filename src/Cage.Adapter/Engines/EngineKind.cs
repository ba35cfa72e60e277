namespace Cage.Adapter.Engines;

/// <summary>Which implementation of age does the work.</summary>
public enum EngineKind
{
    /// <summary>The age binary when it is found, else the managed engine.</summary>
    Auto,
    /// <summary>The age binary (<see cref="AgeBinaryEngine"/>).</summary>
    Age,
    /// <summary>The in-process implementation (<see cref="Managed.ManagedAgeEngine"/>).</summary>
    Managed,
}
