namespace Cage.Testing;

public static class RandomData
{
    public static byte[] Bytes(int length, int seed = 1234)
    {
        var data = new byte[length];
        new Random(seed + length).NextBytes(data);
        return data;
    }
}
