using Cage.Adapter;
using Cage.Adapter.Binary;
using Cage.Adapter.Configuration;
using Cage.Adapter.Engines;
using Cage.Adapter.Identities;
using Cage.Adapter.Passphrases;
using Cage.Adapter.Pty;
using Cage.Tool.Options;
using Cage.Tool.Output;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Commands;

/// <summary><c>doctor</c>: what Cage would use and where each setting came from. Never prints secrets.</summary>
internal sealed class DoctorCommand : ICommand
{
    public string Name => "doctor";

    public void Configure(CommandLineApplication command, ToolConsole console)
    {
        command.Description = "Show age/age-keygen paths and versions, PTY and pipe-strategy support, the resolved configuration with the source of each value, and which identity sources exist (never their contents).";
        command.ExtendedHelpText = Help.Examples("dotnet cage doctor", "dotnet cage doctor --json");
        var engineOption = PassphraseOptions.EngineOption(command);
        var report = new OutputOptions(command);
        command.OnExecute(() =>
        {
            var (engine, engineError) = DescribeEngine(engineOption.Value(), console);
            var age = Probe(() => AgeLocator.LocateAge(null, console.Environment));
            var keygen = Probe(() => AgeLocator.LocateAgeKeygen(null, console.Environment));
            var (configuration, configError) = ResolveConfiguration(console);
            var identities = IdentitySources(console.Environment);
            var ptySupported = PtySupport.IsSupported;
            var pipeSupported = StreamingStrategies.PipeSupported;
            var strategyInUse = configuration is null ? null : ConcreteStrategy(configuration);
            // Without age, the managed engine (auto or chosen) still does everything.
            var ok = (age.Binary is not null && keygen.Binary is not null || engine?.StartsWith("managed", StringComparison.Ordinal) == true)
                && configError is null && engineError is null;
            if (report.Json)
            {
                JsonReport.Write(console, new
                {
                    ok,
                    age = new { path = age.Binary?.Path, version = age.Binary?.Version, error = JsonReport.Error(age.Error) },
                    engine,
                    engineError = JsonReport.Error(engineError),
                    ageKeygen = new { path = keygen.Binary?.Path, version = keygen.Binary?.Version, error = JsonReport.Error(keygen.Error) },
                    pty = ptySupported,
                    pipeStrategy = pipeSupported,
                    strategyInUse,
                    configuration = configuration is null ? null : new
                    {
                        repositoryRoot = configuration.RepositoryRoot,
                        repositoryConfigFile = configuration.RepositoryConfigFile,
                        userConfigFile = configuration.UserConfigFile,
                        extension = configuration.Extension,
                        strategy = configuration.Strategy,
                        recipientsFile = configuration.RecipientsFile,
                    },
                    configurationError = JsonReport.Error(configError),
                    identities,
                });
            }
            else if (!report.Quiet)
            {
                var o = console.Out;
                o.WriteLine($"age          {Describe(age)}");
                o.WriteLine($"age-keygen   {Describe(keygen)}");
                o.WriteLine($"engine       {engine ?? "(invalid)"}");
                o.WriteLine($"pty          {(ptySupported ? "supported" : "not supported (passphrases need Linux or macOS)")}");
                o.WriteLine($"pipe         {(pipeSupported ? "supported" : "not supported: passphrase work stages data in private temp files")}");
                if (configuration is not null)
                {
                    o.WriteLine($"repository   {configuration.RepositoryRoot ?? "(none: no .cage/ folder here or above)"}");
                    o.WriteLine($"extension    {configuration.Extension.Value}  (from {configuration.Extension.Source})");
                    o.WriteLine($"strategy     {configuration.Strategy.Value}  (from {configuration.Strategy.Source}; in use: {strategyInUse})");
                    o.WriteLine($"recipients   {(configuration.RecipientsFile is { } r ? $"{r.Value}  (from {r.Source})" : "(none configured)")}");
                }
                foreach (var identity in identities)
                    o.WriteLine($"identity     {identity.Source}: {(identity.Found ? "found" : "not found")}{(identity.Path is null ? "" : $" ({identity.Path})")}");
            }
            foreach (var error in new[] { age.Error, keygen.Error, configError, engineError }.Where(e => e is not null))
                console.WriteError(error!);
            return ok ? ExitCodes.Success : ExitCodes.Failed;
        });
    }

    private static (string? Engine, CageException? Error) DescribeEngine(string? requested, ToolConsole console)
    {
        try
        {
            return (EngineSelector.Describe(requested, new AgeBinaryEngineOptions { Environment = console.Environment }), null);
        }
        catch (CageException e) when (e.Code == CageErrorCode.AgeNotFound)
        {
            return ("age (not found: see the age line)", null); // already reported once, by the age line
        }
        catch (CageException e)
        {
            return (null, e);
        }
    }

    private static string ConcreteStrategy(CageConfiguration configuration) =>
        StreamingStrategies.Resolve(StreamingStrategies.Parse(configuration.Strategy.Value)).ToString().ToLowerInvariant();

    private static (CageConfiguration?, CageException?) ResolveConfiguration(ToolConsole console)
    {
        try
        {
            return (ConfigurationResolver.Resolve(console.WorkingDirectory, console.Environment), null);
        }
        catch (CageException e)
        {
            return (null, e);
        }
    }

    // Presence only: CAGE_IDENTITY is reported as set or not, never read out.
    private static IReadOnlyList<IdentitySourceInfo> IdentitySources(CageEnvironment environment)
    {
        var file = environment.Get(CageEnvironmentVariables.IdentityFile);
        var keyFile = IdentityResolver.DefaultKeyFile(environment);
        return new[]
        {
            new IdentitySourceInfo(CageEnvironmentVariables.Identity, environment.Get(CageEnvironmentVariables.Identity) is not null, null),
            new IdentitySourceInfo(CageEnvironmentVariables.IdentityFile, file is not null && File.Exists(file), file),
            new IdentitySourceInfo("default key file", File.Exists(keyFile), keyFile),
        };
    }

    private static string Describe(BinaryProbe probe) =>
        probe.Binary is { } b ? $"{b.Path} (version {b.Version})" : $"missing ({probe.Error!.CodeId})";

    private static BinaryProbe Probe(Func<AgeBinary> locate)
    {
        try
        {
            return new BinaryProbe(locate(), null);
        }
        catch (CageException e)
        {
            return new BinaryProbe(null, e);
        }
    }

    private sealed record BinaryProbe(AgeBinary? Binary, CageException? Error);

    private sealed record IdentitySourceInfo(string Source, bool Found, string? Path);
}
