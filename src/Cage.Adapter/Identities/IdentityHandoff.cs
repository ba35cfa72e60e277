using Cage.Adapter.Files;

namespace Cage.Adapter.Identities;

/// <summary>
/// Turns identity sources into <c>-i PATH</c> arguments for one age run. Files pass by path; contents (and
/// files that need normalising) pass through FIFOs in a private folder that is gone after dispose.
/// </summary>
internal sealed class IdentityHandoff : IAsyncDisposable
{
    private readonly List<FifoChannel> _channels = new();
    private PrivateTempFolder? _folder;

    private IdentityHandoff()
    {
    }

    /// <summary>The paths to pass with <c>-i</c>, in order.</summary>
    public IReadOnlyList<string> Paths { get; private set; } = Array.Empty<string>();

    /// <summary>Validates the sources and prepares their paths. Nothing secret reaches argv or disk.</summary>
    public static IdentityHandoff Prepare(IReadOnlyList<IdentitySource> sources, CageEnvironment? environment = null)
    {
        if (sources.Count == 0)
            throw new CageException(CageErrorCode.NoIdentity, "no identity source was given");
        var handoff = new IdentityHandoff();
        try
        {
            var paths = new List<string>();
            foreach (var source in sources)
                paths.Add(handoff.PathFor(source, environment));
            handoff.Paths = paths;
            return handoff;
        }
        catch
        {
            handoff.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    private string PathFor(IdentitySource source, CageEnvironment? environment)
    {
        var secret = source switch
        {
            IdentityFile file => file.Inspect(),
            IdentityContents contents => contents.CopyBytes(),
            _ => throw new ArgumentException($"unknown identity source {source.GetType().Name}", nameof(source)),
        };
        if (secret is null)
            return ((IdentityFile)source).Path;
        _folder ??= PrivateTempFolder.Create(environment: environment);
        var channel = FifoChannel.Serve(_folder.Combine($"identity-{_channels.Count}"), secret);
        _channels.Add(channel);
        return channel.Path;
    }

    /// <summary>Stops serving, removes the FIFOs and the private folder.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
            await channel.DisposeAsync().ConfigureAwait(false);
        _folder?.Dispose();
    }
}
