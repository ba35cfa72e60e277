using System.Text;

namespace Cage.Adapter.Binary;

/// <summary>
/// Watches the first bytes age writes so that an encrypt that "succeeded" without producing an age file
/// (a broken or fake binary) is caught instead of accepted.
/// </summary>
internal sealed class OutputProbe
{
    private static readonly byte[] BinaryIntro = Encoding.ASCII.GetBytes("age-encryption.org/v1\n");
    private static readonly byte[] ArmorIntro = Encoding.ASCII.GetBytes("-----BEGIN AGE ENCRYPTED FILE-----");
    private readonly byte[] _head = new byte[64];
    private int _headLength;

    public long BytesSeen { get; private set; }

    public void Observe(ReadOnlySpan<byte> chunk)
    {
        var take = Math.Min(chunk.Length, _head.Length - _headLength);
        chunk[..take].CopyTo(_head.AsSpan(_headLength));
        _headLength += take;
        BytesSeen += chunk.Length;
    }

    /// <summary>What age wrote straight into a file: <paramref name="length"/> bytes from <paramref name="start"/>.</summary>
    public static OutputProbe OfFile(FileStream file, long start, long length)
    {
        var probe = new OutputProbe();
        var head = probe._head.AsSpan(0, (int)Math.Clamp(length, 0, probe._head.Length));
        probe._headLength = RandomAccess.Read(file.SafeFileHandle, head, start);
        probe.BytesSeen = Math.Max(length, 0);
        return probe;
    }

    /// <summary>True when the output starts like an age file (binary or armored).</summary>
    public bool LooksLikeAgeFile
    {
        get
        {
            var head = _head.AsSpan(0, _headLength);
            return head.StartsWith(BinaryIntro) || head.StartsWith(ArmorIntro);
        }
    }
}
