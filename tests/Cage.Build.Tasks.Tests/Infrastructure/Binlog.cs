using System.IO.Compression;
using System.Text;

namespace Cage.Build.Tasks.Tests.Infrastructure;

/// <summary>Searches a binary log for text: in the raw (gzip) bytes and in the decompressed records.</summary>
public static class Binlog
{
    public static byte[] Decompressed(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;
}
