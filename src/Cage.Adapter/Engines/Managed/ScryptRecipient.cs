using System.Globalization;
using System.Security.Cryptography;

namespace Cage.Adapter.Engines.Managed;

/// <summary>A passphrase: scrypt(N = 2^logN, r = 8, p = 1) over a labelled random salt. Must be the header's only stanza.</summary>
internal sealed class ScryptRecipient : IStanzaRecipient
{
    public const string Type = "scrypt";
    public const string Label = "age-encryption.org/v1/scrypt";
    public const int SaltSize = 16;

    private readonly byte[] _passphrase;
    private readonly int _workFactor;

    /// <param name="passphrase">UTF-8 passphrase; the caller zeroes it.</param>
    /// <param name="workFactor">log2 N.</param>
    public ScryptRecipient(byte[] passphrase, int workFactor)
    {
        _passphrase = passphrase;
        _workFactor = workFactor;
    }

    public Stanza Wrap(ReadOnlySpan<byte> fileKey)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var wrapKey = DeriveKey(_passphrase, salt, _workFactor);
        return new Stanza(Type, [CanonicalBase64.Encode(salt), _workFactor.ToString(CultureInfo.InvariantCulture)], AgeKdf.WrapFileKey(wrapKey, fileKey));
    }

    /// <summary>The wrap key (BouncyCastle's scrypt; .NET has none).</summary>
    public static byte[] DeriveKey(byte[] passphrase, byte[] salt, int workFactor)
    {
        byte[] labelled = [.. System.Text.Encoding.ASCII.GetBytes(Label), .. salt];
        return Org.BouncyCastle.Crypto.Generators.SCrypt.Generate(passphrase, labelled, 1 << workFactor, 8, 1, 32);
    }
}
