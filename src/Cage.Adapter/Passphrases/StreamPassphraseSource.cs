namespace Cage.Adapter.Passphrases;

/// <summary>A passphrase in the first line of a stream (e.g. stdin when the data comes from a file).</summary>
internal sealed class StreamPassphraseSource : PassphraseSource
{
    private readonly Stream _stream;

    public StreamPassphraseSource(Stream stream, string description) : base(description) =>
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));

    public override bool IsAvailable => _stream.CanRead;

    public override Passphrase Read(PassphrasePurpose purpose)
    {
        try
        {
            return PassphraseLine.Read(_stream.ReadByte, Description);
        }
        catch (IOException e)
        {
            throw new CageException(CageErrorCode.NoPassphrase, $"{Description} cannot be read", e);
        }
    }
}
