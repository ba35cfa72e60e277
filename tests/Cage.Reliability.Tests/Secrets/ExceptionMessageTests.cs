using Cage.Adapter;
using Cage.Adapter.Engines;
using Cage.Adapter.Files;
using Cage.Adapter.Identities;
using Cage.Adapter.Passphrases;
using Cage.Adapter.Recipients;
using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>
/// Every failure that involves a secret is a coded CageException whose full text (message, hint, inner
/// exceptions, stack: <c>ToString()</c>) does not contain the secret.
/// </summary>
public sealed class ExceptionMessageTests : IDisposable
{
    private readonly TempDir _work = new("cage-rel-exc-");
    private readonly string _identityFile;
    private readonly string _recipient;
    private readonly string _secretKeyLine;

    public ExceptionMessageTests()
    {
        (_identityFile, _recipient) = TestKeys.NewAgeKey(_work);
        _secretKeyLine = File.ReadAllLines(_identityFile).First(l => l.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal));
    }

    public void Dispose() => _work.Dispose();

    [Theory]
    [InlineData(KeyPath.PassphrasePipe)]
    [InlineData(KeyPath.PassphraseTempFile)]
    public async Task Wrong_passphrase(KeyPath path)
    {
        var plain = _work.Write("p.txt", "P");
        await KeyPaths.Engine(path).EncryptFileAsync(plain, plain + ".age", EncryptOptions.ForPassphrase(Passphrase.FromString("the right one 4f1")));
        const string wrong = "the wrong one 9c2";

        var error = await Assert.ThrowsAsync<CageException>(() =>
            KeyPaths.Engine(path).DecryptFileAsync(plain + ".age", _work.File("out.txt"), DecryptOptions.ForPassphrase(Passphrase.FromString(wrong))));

        Assert.Equal(CageErrorCode.IncorrectPassphrase, error.Code);
        AssertClean(error, wrong, "the right one 4f1");
    }

    [Fact]
    public void Identity_contents_pasted_with_a_shell_prefix()
    {
        var pasted = "export CAGE_IDENTITY=" + _secretKeyLine + "\n";

        var error = Assert.Throws<CageException>(() => IdentitySource.FromContents(pasted, "CAGE_IDENTITY"));

        Assert.Equal(CageErrorCode.InvalidIdentity, error.Code);
        AssertClean(error, _secretKeyLine, _secretKeyLine[16..40]);
    }

    [Fact]
    public async Task Almost_valid_identity_contents_rejected_by_age()
    {
        var almost = _secretKeyLine[..^4] + "QQQQ";
        var cipher = await EncryptAsync();

        var error = await Assert.ThrowsAsync<CageException>(() =>
            KeyPaths.Engine(KeyPath.Recipient).DecryptFileAsync(cipher, _work.File("out.txt"), DecryptOptions.ForIdentities(IdentitySource.FromContents(almost, "CAGE_IDENTITY"))));

        Assert.Equal(CageErrorCode.InvalidIdentity, error.Code);
        AssertClean(error, almost, almost[16..40]);
    }

    [Fact]
    public async Task Malformed_identity_file_reported_by_age()
    {
        var almost = _secretKeyLine[..^4] + "QQQQ";
        var badKey = _work.Write("bad-key.txt", almost + "\n");
        var cipher = await EncryptAsync();

        var error = await Assert.ThrowsAsync<CageException>(() =>
            KeyPaths.Engine(KeyPath.Recipient).DecryptFileAsync(cipher, _work.File("out.txt"), DecryptOptions.ForIdentities(IdentitySource.FromFile(badKey))));

        Assert.Equal(CageErrorCode.InvalidIdentity, error.Code);
        AssertClean(error, almost, almost[16..40]);
    }

    [Fact]
    public async Task Identity_contents_that_do_not_match()
    {
        var cipher = await EncryptAsync();
        var (otherIdentity, _) = AgeCli.Keygen();
        var otherKey = otherIdentity.Split('\n').First(l => l.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<CageException>(() =>
            KeyPaths.Engine(KeyPath.Recipient).DecryptFileAsync(cipher, _work.File("out.txt"), DecryptOptions.ForIdentities(IdentitySource.FromContents(otherIdentity, "CAGE_IDENTITY"))));

        Assert.Equal(CageErrorCode.NoIdentityMatched, error.Code);
        AssertClean(error, otherKey, otherKey[16..40]);
    }

    [Fact]
    public void Secret_key_given_where_a_recipient_belongs()
    {
        var error = Assert.Throws<CageException>(() => RecipientSet.Empty.Add(_secretKeyLine));

        Assert.Equal(CageErrorCode.InvalidRecipient, error.Code);
        AssertClean(error, _secretKeyLine, _secretKeyLine[16..40]);
    }

    private async Task<string> EncryptAsync()
    {
        var plain = _work.Write("r.txt", "R");
        await KeyPaths.Engine(KeyPath.Recipient).EncryptFileAsync(plain, plain + ".age", EncryptOptions.ForRecipients(RecipientSet.Empty.Add(_recipient)));
        return plain + ".age";
    }

    private static void AssertClean(CageException error, params string[] secrets)
    {
        var text = error.ToString() + "\n" + error.Hint + "\n" + error.Detail;
        foreach (var secret in secrets)
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
    }
}
