using System.Text;
using Cage.Testing;

namespace Cage.Reliability.Tests;

/// <summary>
/// Damaged encrypted files through <c>dotnet cage unlock --json</c>: each one is a coded error (exit 1), the
/// encrypted file is left byte for byte, and nothing is written beside it (no plaintext, no temp file).
/// </summary>
public sealed class CorruptCiphertextTests : IDisposable
{
    private readonly ToolScene _scene = new();
    private readonly byte[] _plaintext = RandomData.Bytes(200_000, seed: 7); // four payload chunks
    private readonly byte[] _ciphertext;

    public CorruptCiphertextTests()
    {
        _ciphertext = AgeCli.Run(AgeCli.AgePath, new[] { "-r", _scene.Recipient }, _plaintext).EnsureSuccess().Stdout;
    }

    public void Dispose() => _scene.Dispose();

    [Theory]
    [InlineData("header cut short", "CAGE012")]
    [InlineData("payload cut short", "CAGE011")]
    [InlineData("last chunk cut to its tag", "CAGE011")]
    [InlineData("header MAC bit flipped", "CAGE010")]
    [InlineData("stanza body bit flipped", "CAGE008")]
    [InlineData("payload bit flipped", "CAGE011")]
    [InlineData("trailing bytes appended", "CAGE011")]
    [InlineData("not age at all", "CAGE013")]
    [InlineData("empty file", "CAGE013")]
    public void Damaged_file_is_a_coded_error_and_nothing_is_written(string damage, string code)
    {
        var bytes = Damage(damage);
        var path = _scene.Tool.Write("secret.bin.age", bytes);

        var run = _scene.Tool.Run("unlock", "secret.bin.age", "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(code, ToolScene.FirstFileCode(run));
        Assert.Equal(new[] { "secret.bin.age" }, _scene.Files());
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void Armored_file_with_CRLF_line_ends_unlocks()
    {
        var armored = AgeCli.Run(AgeCli.AgePath, new[] { "-a", "-r", _scene.Recipient }, _plaintext).EnsureSuccess().StdoutText;
        _scene.Tool.Write("secret.bin.age", armored.Replace("\n", "\r\n"));

        ToolAssert.Ok(_scene.Tool.Run("unlock", "secret.bin.age"));

        Assert.Equal(_plaintext, File.ReadAllBytes(Path.Combine(_scene.Work, "secret.bin")));
    }

    private byte[] Damage(string damage)
    {
        var c = (byte[])_ciphertext.Clone();
        var macLine = IndexOf(c, "\n--- ") + 1;
        var headerEnd = Array.IndexOf(c, (byte)'\n', macLine) + 1;
        switch (damage)
        {
            case "header cut short":
                return c[..(macLine - 5)];
            case "payload cut short":
                return c[..(c.Length - 70_000)];
            case "last chunk cut to its tag":
                return c[..(c.Length - (200_000 % 65_536) - 10)];
            case "header MAC bit flipped":
                c[macLine + 6] ^= 0x01;
                return c;
            case "stanza body bit flipped":
                // A middle character of the wrapped file key, swapped for another base64 letter: still
                // well-formed, so age gets as far as trying the key, which no longer unwraps.
                var body = macLine - 2 - 20;
                c[body] = c[body] == (byte)'A' ? (byte)'B' : (byte)'A';
                return c;
            case "payload bit flipped":
                c[headerEnd + 16 + 100_000] ^= 0x01;
                return c;
            case "trailing bytes appended":
                return c.Concat(Encoding.ASCII.GetBytes("trailing")).ToArray();
            case "not age at all":
                return Encoding.UTF8.GetBytes("{ \"ConnectionStrings\": { \"Db\": \"plain text\" } }\n");
            case "empty file":
                return Array.Empty<byte>();
            default:
                throw new ArgumentOutOfRangeException(nameof(damage));
        }
    }

    private static int IndexOf(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle));
}
