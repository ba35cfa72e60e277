using Cage.Testing;

namespace Cage.Build.Tasks.Tests.Unit;

public sealed class EncryptStateTests : IDisposable
{
    private readonly TempDir _dir = new("cage-state-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_saved_record_is_current_until_plaintext_settings_or_ciphertext_change()
    {
        var output = _dir.Write("out.age", "ciphertext"u8.ToArray());
        var state = EncryptState.Load(null);
        state.Record(output, "p1", "s1");
        state.SaveAsync(_dir.File("state.tsv"), CancellationToken.None).GetAwaiter().GetResult();

        var loaded = EncryptState.Load(_dir.File("state.tsv"));
        Assert.True(loaded.IsCurrent(output, "p1", "s1"));
        Assert.False(loaded.IsCurrent(output, "p2", "s1"));
        Assert.False(loaded.IsCurrent(output, "p1", "s2"));
        File.WriteAllBytes(output, "replaced by a checkout"u8.ToArray());
        Assert.False(loaded.IsCurrent(output, "p1", "s1"));
        File.Delete(output);
        Assert.False(loaded.IsCurrent(output, "p1", "s1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("some-other-format\n/x\tp\ts\tc\n")]
    [InlineData("cage-encrypt-state-v1\nbroken line without tabs\n")]
    public void Unknown_or_damaged_state_files_mean_no_record(string contents)
    {
        var output = _dir.Write("out.age", "c"u8.ToArray());
        var path = _dir.Write("state.tsv", System.Text.Encoding.UTF8.GetBytes(contents.Replace("/x", output)));

        Assert.False(EncryptState.Load(path).IsCurrent(output, "p", "s"));
    }
}
