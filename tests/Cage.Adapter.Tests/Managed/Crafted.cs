using System.Security.Cryptography;
using System.Text;
using Cage.Adapter.Engines.Managed;
using Cage.Adapter.Recipients;

namespace Cage.Adapter.Tests.Managed;

/// <summary>
/// Builds well-formed-but-unusual age files (valid MAC) from the engine's own parts, for the strict rules that
/// neither age nor the engine would ever write: odd stanzas, an empty last chunk.
/// </summary>
internal static class Crafted
{
    public static Stanza X25519Stanza(string recipient, byte[] fileKey)
    {
        Assert.True(Bech32.TryDecode(recipient, out _, out var publicKey, out _));
        return new X25519Recipient(publicKey).Wrap(fileKey);
    }

    /// <summary>A file with these stanzas (MAC computed with <paramref name="fileKey"/>) and this payload.</summary>
    public static async Task<byte[]> FileAsync(byte[] fileKey, IReadOnlyList<Stanza> stanzas, byte[] plaintext)
    {
        using var output = new MemoryStream();
        output.Write(HeaderWriter.Write(stanzas, fileKey));
        var nonce = RandomNumberGenerator.GetBytes(16);
        output.Write(nonce);
        await PayloadEncryptor.EncryptAsync(new MemoryStream(plaintext), output, AgeKdf.Derive(fileKey, nonce, "payload"), 1, default);
        return output.ToArray();
    }

    /// <summary>A file whose payload is given as (plaintext, final flag) chunks, written as-is.</summary>
    public static byte[] FileWithChunks(byte[] fileKey, IReadOnlyList<Stanza> stanzas, params (byte[] Plain, bool Final)[] chunks)
    {
        using var output = new MemoryStream();
        output.Write(HeaderWriter.Write(stanzas, fileKey));
        var nonce = RandomNumberGenerator.GetBytes(16);
        output.Write(nonce);
        using var aead = new ChaCha20Poly1305(AgeKdf.Derive(fileKey, nonce, "payload"));
        var chunkNonce = new byte[12];
        for (var i = 0; i < chunks.Length; i++)
        {
            ChunkNonce.Write(chunkNonce, i, chunks[i].Final);
            var cipher = new byte[chunks[i].Plain.Length];
            var tag = new byte[16];
            aead.Encrypt(chunkNonce, chunks[i].Plain, cipher, tag);
            output.Write(cipher);
            output.Write(tag);
        }
        return output.ToArray();
    }

    public static int HeaderLength(byte[] file)
    {
        var marker = Encoding.ASCII.GetBytes("\n--- ");
        var at = file.AsSpan().IndexOf(marker);
        return at + 1 + file.AsSpan(at + 1).IndexOf((byte)'\n') + 1;
    }

    /// <summary>
    /// Edits the header text and recomputes a valid MAC with <paramref name="fileKey"/>, so that only the rule
    /// under test can reject the result (not the MAC).
    /// </summary>
    public static byte[] ReplaceTextKeepingMac(byte[] file, byte[] fileKey, string from, string to)
    {
        var edited = ReplaceText(file, from, to);
        var header = Encoding.ASCII.GetString(edited, 0, HeaderLength(edited));
        var upToMac = header[..(header.LastIndexOf("\n--- ", StringComparison.Ordinal) + 4)];
        var mac = HeaderMac.Compute(fileKey, Encoding.ASCII.GetBytes(upToMac));
        var newHeader = Encoding.ASCII.GetBytes(upToMac + " " + CanonicalBase64.Encode(mac) + "\n");
        return [.. newHeader, .. edited.AsSpan(HeaderLength(edited))];
    }

    public static byte[] ReplaceText(byte[] file, string from, string to)
    {
        var header = Encoding.ASCII.GetString(file, 0, HeaderLength(file));
        Assert.Contains(from, header);
        var edited = Encoding.ASCII.GetBytes(header.Replace(from, to));
        return [.. edited, .. file.AsSpan(HeaderLength(file))];
    }
}
