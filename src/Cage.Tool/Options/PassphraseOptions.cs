using Cage.Adapter;
using Cage.Adapter.Configuration;
using Cage.Adapter.Engines;
using Cage.Adapter.Passphrases;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Options;

/// <summary>
/// <c>-p/--passphrase</c> (a switch: the passphrase itself never goes on the command line), <c>--passphrase-file</c>
/// and <c>--strategy</c>. The passphrase comes from the file, else CAGE_PASSPHRASE, else a hidden prompt on the
/// terminal (asked twice when encrypting).
/// </summary>
internal sealed class PassphraseOptions
{
    private readonly CommandOption? _passphrase;
    private readonly CommandOption _file;
    private readonly CommandOption _strategy;
    private readonly CommandOption _engine;

    public PassphraseOptions(CommandLineApplication command, bool withSwitch = true, string switchDescription = "Use a passphrase instead of keys: from --passphrase-file, CAGE_PASSPHRASE, or a prompt on the terminal.")
    {
        if (withSwitch)
            _passphrase = command.Option("-p|--passphrase", switchDescription + " Never takes the passphrase itself.", CommandOptionType.NoValue);
        _file = command.Option("--passphrase-file <FILE>", "Read the passphrase from the first line of FILE.", CommandOptionType.SingleValue);
        _strategy = command.Option("--strategy <STRATEGY>", "How data reaches age in passphrase mode: pipe, tempfile or auto (default from config, else auto).", CommandOptionType.SingleValue);
        _engine = EngineOption(command);
    }

    /// <summary>Adds <c>--engine</c> (auto, age or managed).</summary>
    public static CommandOption EngineOption(CommandLineApplication command) =>
        command.Option("--engine <ENGINE>", "auto (default: the age binary when found, else in-process), age or managed; else CAGE_ENGINE.", CommandOptionType.SingleValue);

    /// <summary>True when -p was given.</summary>
    public bool Requested => _passphrase?.HasValue() == true;

    public string? File => _file.Value();

    public string? Strategy => _strategy.Value();

    public Passphrase Resolve(ToolConsole console, PassphrasePurpose purpose) =>
        PassphraseResolver.ResolveDefault(purpose, console.Environment, File);

    /// <summary>The engine from --engine, CAGE_ENGINE or auto; for age, with the strategy from flag, environment or config files.</summary>
    public IAgeEngine Engine(ToolConsole console, CageConfiguration configuration) =>
        EngineSelector.Create(_engine.Value(), new AgeBinaryEngineOptions
        {
            Environment = console.Environment,
            Strategy = StreamingStrategies.Parse(configuration.Strategy.Value, $"the strategy (from {configuration.Strategy.Source})"),
        });
}
