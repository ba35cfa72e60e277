using Cage.Adapter.Binary;

namespace Cage.Adapter.Tests.Binary;

/// <summary>age 1.1.1's messages, as seen from the real binary, mapped to codes.</summary>
public sealed class AgeErrorClassifierTests
{
    [Theory]
    [InlineData("age: error: no identity matched any of the recipients", CageErrorCode.NoIdentityMatched)]
    [InlineData("age: error: incorrect passphrase", CageErrorCode.IncorrectPassphrase)]
    [InlineData("age: error: bad header MAC", CageErrorCode.HeaderCorrupted)]
    [InlineData("age: error: failed to decrypt and authenticate payload chunk", CageErrorCode.PayloadCorrupted)]
    [InlineData("age: error: unexpected EOF", CageErrorCode.Truncated)]
    [InlineData("age: error: write /dev/stdout: no space left on device", CageErrorCode.OutputNotWritable)]
    [InlineData("age: error: write /tmp/cage-1/output: no space left on device", CageErrorCode.OutputNotWritable)]
    [InlineData("age: error: write /dev/stdout: disk quota exceeded", CageErrorCode.OutputNotWritable)]
    [InlineData("age: error: failed to read header: parsing age header: failed to read intro: EOF", CageErrorCode.NotAgeFile)]
    [InlineData("age: error: failed to read header: parsing age header: unexpected intro: \"x\"", CageErrorCode.NotAgeFile)]
    [InlineData("age: error: malformed recipient \"age1xyz\": separator", CageErrorCode.InvalidRecipient)]
    [InlineData("age: error: something new", CageErrorCode.AgeFailed)]
    public void Maps_age_messages(string stderr, CageErrorCode expected)
    {
        var error = AgeErrorClassifier.Classify(1, stderr + "\nage: report unexpected or unhelpful errors at https://filippo.io/age/report\n");
        Assert.Equal(expected, error.Code);
        Assert.DoesNotContain("report unexpected", error.Message);
    }

    [Fact]
    public void Death_by_signal_without_a_message_is_a_crash()
    {
        var error = AgeErrorClassifier.Classify(128 + 9, "");
        Assert.Equal(CageErrorCode.AgeCrashed, error.Code);
        Assert.Contains("signal 9", error.Message);
    }

    [Fact]
    public void Key_material_in_age_output_is_redacted()
    {
        var error = AgeErrorClassifier.Classify(1, "age: error: weird AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQ thing");
        Assert.DoesNotContain("QQQQQQQQ", error.Message);
    }

    [Fact]
    public void Every_code_has_a_summary_a_hint_and_a_stable_id()
    {
        foreach (var code in Enum.GetValues<CageErrorCode>())
        {
            Assert.False(string.IsNullOrWhiteSpace(CageErrors.Summary(code)), code.ToString());
            Assert.False(string.IsNullOrWhiteSpace(CageErrors.Hint(code)), code.ToString());
            Assert.Matches("^CAGE0[0-9]{2}$", CageErrors.Id(code));
        }
        Assert.Equal("CAGE001", CageErrors.Id(CageErrorCode.AgeNotFound));
    }
}
