using Cage.Adapter;

namespace Cage.Tool.Commands;

/// <summary>Deletes a file after its counterpart was written, failing only that file (with a code) when it cannot.</summary>
internal static class FileRemoval
{
    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CageException(CageErrorCode.OutputNotWritable, $"'{path}' was processed but could not be removed: {e.Message}", e,
                hint: "remove it yourself; its counterpart was written");
        }
    }
}
