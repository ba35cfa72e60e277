using Cage.Adapter.Binary;
using Cage.Adapter.Engines;

namespace Cage.Adapter.Keys;

/// <summary>The key generator matching the engine choice: age-keygen for age, in process for managed; auto prefers age-keygen when found.</summary>
public static class KeyGenerators
{
    /// <summary>Creates the generator for <paramref name="explicitEngine"/> (else CAGE_ENGINE, else auto).</summary>
    public static IKeyGenerator Create(string? explicitEngine = null, CageEnvironment? environment = null)
    {
        environment ??= CageEnvironment.Process;
        var kind = EngineSelector.Requested(explicitEngine, environment);
        if (kind == EngineKind.Managed)
            return new ManagedKeygen();
        try
        {
            return new AgeKeygen(environment: environment);
        }
        catch (CageException e) when (kind == EngineKind.Auto && e.Code == CageErrorCode.AgeKeygenNotFound
            && string.IsNullOrWhiteSpace(environment.Get(CageEnvironmentVariables.AgeKeygenPath)))
        {
            return new ManagedKeygen();
        }
    }
}
