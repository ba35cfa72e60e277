namespace Cage.Build.Tasks.Tests.Unit;

public sealed class PlaintextComparisonTests
{
    private static bool Compare(byte[] expected, params byte[][] writes)
    {
        using var comparison = new PlaintextComparison(new MemoryStream(expected));
        foreach (var chunk in writes)
            comparison.Write(chunk);
        return comparison.MatchedToEnd();
    }

    [Fact]
    public void Equal_bytes_in_any_chunking_match() =>
        Assert.True(Compare(new byte[] { 1, 2, 3, 4, 5 }, new byte[] { 1, 2 }, Array.Empty<byte>(), new byte[] { 3, 4, 5 }));

    [Fact]
    public void Shorter_longer_or_different_output_does_not_match()
    {
        Assert.False(Compare(new byte[] { 1, 2, 3 }, new byte[] { 1, 2 }));
        Assert.False(Compare(new byte[] { 1, 2 }, new byte[] { 1, 2, 3 }));
        Assert.False(Compare(new byte[] { 1, 2, 3 }, new byte[] { 1, 9 }, new byte[] { 3 }));
        Assert.True(Compare(Array.Empty<byte>()));
    }
}
