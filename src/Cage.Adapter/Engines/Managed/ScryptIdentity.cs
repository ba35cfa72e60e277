using System.Globalization;
using System.Text.RegularExpressions;

namespace Cage.Adapter.Engines.Managed;

/// <summary>
/// Opens an scrypt stanza with a passphrase. The work factor is checked against the maximum before any work,
/// so a hostile file cannot make us spend minutes and gigabytes.
/// </summary>
internal sealed class ScryptIdentity : IStanzaIdentity
{
    private static readonly Regex Decimal = new("^[1-9][0-9]?$", RegexOptions.CultureInvariant);
    private readonly byte[] _passphrase;
    private readonly int _maxWorkFactor;

    /// <param name="passphrase">UTF-8 passphrase; the caller zeroes it.</param>
    /// <param name="maxWorkFactor">The highest log2 N accepted.</param>
    public ScryptIdentity(byte[] passphrase, int maxWorkFactor)
    {
        _passphrase = passphrase;
        _maxWorkFactor = maxWorkFactor;
    }

    /// <summary>The passphrase bytes belong to the caller, who zeroes them.</summary>
    public void Dispose()
    {
    }

    public byte[]? Unwrap(IReadOnlyList<Stanza> stanzas)
    {
        foreach (var stanza in stanzas.Where(s => s.Type == ScryptRecipient.Type))
        {
            stanza.RequireArguments(2);
            var salt = CanonicalBase64.Decode(stanza.Arguments[0], "an scrypt salt", ScryptRecipient.SaltSize);
            if (!Decimal.IsMatch(stanza.Arguments[1]))
                throw new CageException(CageErrorCode.HeaderCorrupted, "the scrypt work factor is not a decimal number without leading zeros");
            var workFactor = int.Parse(stanza.Arguments[1], CultureInfo.InvariantCulture);
            if (workFactor > _maxWorkFactor)
                throw new CageException(CageErrorCode.WorkFactorTooHigh, $"work factor {workFactor}, the maximum is {_maxWorkFactor}");
            stanza.RequireBodyLength(AgeV1.FileKeySize + AgeV1.TagSize);
            if (AgeKdf.UnwrapFileKey(ScryptRecipient.DeriveKey(_passphrase, salt, workFactor), stanza.Body) is { } fileKey)
                return fileKey;
        }
        return null;
    }
}
