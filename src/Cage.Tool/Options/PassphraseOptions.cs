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

    public PassphraseOptions(CommandLineApplication command, bool withSwitch = true, string switchDescription = "Use a passphrase instead of keys: from --passphrase-file, CAGE_PASSPHRASE, or a prompt on the terminal.")
    {
        if (withSwitch)
            _passphrase = command.Option("-p|--passphrase", switchDescription + " Never takes the passphrase itself.", CommandOptionType.NoValue);
        _file = command.Option("--passphrase-file <FILE>", "Read the passphrase from the first line of FILE.", CommandOptionType.SingleValue);
        _strategy = command.Option("--strategy <STRATEGY>", "How data reaches age in passphrase mode: pipe, tempfile or auto (default from config, else auto).", CommandOptionType.SingleValue);
    }

    /// <summary>True when -p was given.</summary>
    public bool Requested => _passphrase?.HasValue() == true;

    public string? File => _file.Value();

    public string? Strategy => _strategy.Value();

    public Passphrase Resolve(ToolConsole console, PassphrasePurpose purpose) =>
        PassphraseResolver.ResolveDefault(purpose, console.Environment, File);

    /// <summary>The engine, with the strategy from flag, environment or config files.</summary>
    public static AgeBinaryEngine Engine(ToolConsole console, CageConfiguration configuration) =>
        new(new AgeBinaryEngineOptions
        {
            Environment = console.Environment,
            Strategy = StreamingStrategies.Parse(configuration.Strategy.Value, $"the strategy (from {configuration.Strategy.Source})"),
        });
}
