using Cage.Adapter.Configuration;
using Cage.Adapter.Recipients;
using McMaster.Extensions.CommandLineUtils;

namespace Cage.Tool.Options;

/// <summary><c>-r</c> and <c>-R</c> as in age; without them, the configured recipients file.</summary>
internal sealed class RecipientOptions
{
    private readonly CommandOption _recipients;
    private readonly CommandOption _files;

    public RecipientOptions(CommandLineApplication command)
    {
        _recipients = command.Option("-r|--recipient <RECIPIENT>", "Encrypt to this recipient (age1..., ssh-ed25519, ssh-rsa). Repeatable.", CommandOptionType.MultipleValue);
        _files = command.Option("-R|--recipients-file <FILE>", "Encrypt to the recipients listed in FILE. Repeatable.", CommandOptionType.MultipleValue);
    }

    public bool Given => _recipients.HasValue() || _files.HasValue();

    public string? FirstFile => _files.Values.FirstOrDefault();

    /// <summary>Flags when given; else the recipients file from configuration; else empty (the caller reports NoRecipients).</summary>
    public RecipientSet Resolve(CageConfiguration configuration)
    {
        var set = RecipientSet.Empty;
        if (Given)
        {
            foreach (var recipient in _recipients.Values)
                set = set.Add(recipient!, "-r");
            foreach (var file in _files.Values)
                set = set.AddFile(file!);
            return set;
        }
        return configuration.RecipientsFile is { } configured ? set.AddFile(configured.Value) : set;
    }
}
