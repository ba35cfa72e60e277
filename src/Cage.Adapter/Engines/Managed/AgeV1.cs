namespace Cage.Adapter.Engines.Managed;

/// <summary>Constants of the age v1 format (C2SP age.md).</summary>
internal static class AgeV1
{
    public const string VersionLine = "age-encryption.org/v1";
    public const string StanzaPrefix = "-> ";
    public const string MacPrefix = "---";
    public const int FileKeySize = 16;
    public const int PayloadNonceSize = 16;
    public const int ChunkSize = 64 * 1024;
    public const int TagSize = 16;
    public const int EncryptedChunkSize = ChunkSize + TagSize;
    public const int MacSize = 32;
    public const int ColumnsPerLine = 64;
    public const int BytesPerLine = ColumnsPerLine / 4 * 3;
}
