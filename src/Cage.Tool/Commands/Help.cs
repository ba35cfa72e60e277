namespace Cage.Tool.Commands;

/// <summary>Help text helpers: every command lists examples under its options.</summary>
internal static class Help
{
    public static string Examples(params string[] lines) =>
        "\nExamples:\n" + string.Concat(lines.Select(l => $"  {l}\n"));
}
