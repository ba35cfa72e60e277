using Cage.Adapter.Binary;
using Cage.Adapter.Engines.Managed;

namespace Cage.Adapter.Engines;

/// <summary>
/// Picks the engine: an explicit choice (MSBuild <c>CageEngine</c>, tool <c>--engine</c>), else <c>CAGE_ENGINE</c>,
/// else auto. Auto uses the age binary when found and the managed engine otherwise, so a machine without age
/// still works; a configured age path (option or CAGE_AGE_PATH) that is broken stays an error rather than a
/// silent switch.
/// </summary>
public static class EngineSelector
{
    /// <summary>The environment variable naming the engine.</summary>
    public const string Variable = "CAGE_ENGINE";

    /// <summary>The environment variable raising or lowering the managed engine's scrypt work factor limit (default 22).</summary>
    public const string MaxWorkFactorVariable = "CAGE_SCRYPT_MAX_WORK_FACTOR";

    /// <summary>Parses auto, age or managed (case-insensitive; empty means auto); else <see cref="CageErrorCode.InvalidEngine"/>.</summary>
    public static EngineKind Parse(string? name, string source = Variable) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => EngineKind.Auto,
        "age" => EngineKind.Age,
        "managed" => EngineKind.Managed,
        _ => throw new CageException(CageErrorCode.InvalidEngine, $"'{name}' (from {source})"),
    };

    /// <summary>The requested kind: <paramref name="explicitName"/> when given, else CAGE_ENGINE, else auto.</summary>
    public static EngineKind Requested(string? explicitName, CageEnvironment? environment = null) =>
        string.IsNullOrWhiteSpace(explicitName)
            ? Parse((environment ?? CageEnvironment.Process).Get(Variable))
            : Parse(explicitName, "the engine option");

    /// <summary>The concrete kind auto stands for here (age or managed).</summary>
    public static EngineKind Resolve(EngineKind kind, AgeBinaryEngineOptions? ageOptions = null)
    {
        if (kind != EngineKind.Auto)
            return kind;
        ageOptions ??= new AgeBinaryEngineOptions();
        try
        {
            AgeLocator.LocateAge(ageOptions.AgePath, ageOptions.Environment);
            return EngineKind.Age;
        }
        catch (CageException e) when (e.Code == CageErrorCode.AgeNotFound && !AgePathConfigured(ageOptions))
        {
            return EngineKind.Managed;
        }
    }

    /// <summary>Creates the selected engine.</summary>
    public static IAgeEngine Create(string? explicitName, AgeBinaryEngineOptions? ageOptions = null, ManagedEngineOptions? managedOptions = null)
    {
        ageOptions ??= new AgeBinaryEngineOptions();
        return Resolve(Requested(explicitName, ageOptions.Environment), ageOptions) switch
        {
            EngineKind.Managed => new ManagedAgeEngine(managedOptions ?? ManagedOptionsFrom(ageOptions.Environment)),
            _ => new AgeBinaryEngine(ageOptions),
        };
    }

    /// <summary>A one-line description for <c>doctor</c>, e.g. <c>managed (auto: age not found)</c>.</summary>
    public static string Describe(string? explicitName, AgeBinaryEngineOptions? ageOptions = null)
    {
        ageOptions ??= new AgeBinaryEngineOptions();
        var requested = Requested(explicitName, ageOptions.Environment);
        var resolved = Resolve(requested, ageOptions);
        var name = resolved == EngineKind.Age ? "age" : "managed";
        return requested == EngineKind.Auto
            ? $"{name} (auto: {(resolved == EngineKind.Age ? "age binary found" : "age binary not found")})"
            : $"{name} (requested)";
    }

    /// <summary>Managed engine settings from the environment (<see cref="MaxWorkFactorVariable"/>).</summary>
    public static ManagedEngineOptions ManagedOptionsFrom(CageEnvironment environment)
    {
        var options = new ManagedEngineOptions();
        var text = environment.Get(MaxWorkFactorVariable);
        if (string.IsNullOrWhiteSpace(text))
            return options;
        if (!int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var max) || max is < 1 or > 30)
            throw new CageException(CageErrorCode.InvalidConfiguration, $"{MaxWorkFactorVariable} is '{text}'", hint: "use a whole number from 1 to 30 (age's default limit is 22; each step doubles scrypt's time and memory)");
        return options with { MaxWorkFactor = max };
    }

    private static bool AgePathConfigured(AgeBinaryEngineOptions options) =>
        !string.IsNullOrWhiteSpace(options.AgePath) || !string.IsNullOrWhiteSpace(options.Environment.Get(CageEnvironmentVariables.AgePath));
}
