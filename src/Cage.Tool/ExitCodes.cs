namespace Cage.Tool;

/// <summary>Process exit codes of dotnet-cage (documented in docs/tool.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int PartialFailure = 3;

    /// <summary>0 when nothing failed, 1 when everything failed, 3 when some files failed and the rest were done.</summary>
    public static int ForBatch(int total, int failed) =>
        failed == 0 ? Success : failed >= total ? Failed : PartialFailure;
}
